// Emoji shortcodes Rootbot and people use, as Unicode. Unknown codes stay as typed, as Slack shows them.
const EMOJI = {
  white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', warning: '⚠️', lock: '🔒', unlock: '🔓',
  closed_lock_with_key: '🔐', key: '🔑', old_key: '🗝️', hourglass: '⌛', hourglass_flowing_sand: '⏳',
  gear: '⚙️', no_entry: '⛔', no_entry_sign: '🚫', mag: '🔍', mag_right: '🔎', heavy_multiplication_x: '✖️',
  leftwards_arrow_with_hook: '↩️', arrow_right: '➡️', rotating_light: '🚨', information_source: 'ℹ️',
  question: '❓', exclamation: '❗', bulb: '💡', memo: '📝', clipboard: '📋', page_facing_up: '📄',
  link: '🔗', shield: '🛡️', stopwatch: '⏱️', alarm_clock: '⏰', robot_face: '🤖', bust_in_silhouette: '👤',
  busts_in_silhouette: '👥', tada: '🎉', eyes: '👀', '+1': '👍', thumbsup: '👍', '-1': '👎', thumbsdown: '👎',
  wave: '👋', pray: '🙏', rocket: '🚀', fire: '🔥', sparkles: '✨', construction: '🚧', package: '📦',
  wastebasket: '🗑️', bell: '🔔', cloud: '☁️', red_circle: '🔴', large_green_circle: '🟢',
  large_yellow_circle: '🟡', white_circle: '⚪', black_circle: '⚫', large_blue_circle: '🔵',
  hammer_and_wrench: '🛠️', wrench: '🔧', inbox_tray: '📥', outbox_tray: '📤', bookmark_tabs: '📑',
  calendar: '📆', date: '📅', point_right: '👉', raised_hand: '✋', ok_hand: '👌', smile: '😄',
  slightly_smiling_face: '🙂', thinking_face: '🤔', sweat_smile: '😅', skull: '💀', boom: '💥',
  arrows_counterclockwise: '🔄', repeat: '🔁', bar_chart: '📊', chart_with_upwards_trend: '📈',
  bangbang: '‼️', interrobang: '⁉️', heavy_plus_sign: '➕', heavy_minus_sign: '➖', lock_with_ink_pen: '🔏',
  female_detective: '🕵️‍♀️', sleuth_or_spy: '🕵️', scroll: '📜', pushpin: '📌', spiral_note_pad: '🗒️',
};

/** The Unicode emoji for a shortcode without its colons, or undefined. */
export function emoji(name) {
  return Object.prototype.hasOwnProperty.call(EMOJI, name) ? EMOJI[name] : undefined;
}

/** Text with every known :shortcode: replaced, for plain_text with emoji on. */
export function withEmoji(text) {
  return String(text).replace(/:([a-z0-9_+'-]+):/g, (whole, name) => emoji(name) ?? whole);
}
