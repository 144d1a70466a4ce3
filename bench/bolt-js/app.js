// The framework floor in JavaScript: the smallest Bolt for JavaScript app that answers /root as Rootbot acks it.
// Bolt verifies each request's signature (v0 HMAC-SHA256, 5-minute window) before the handler runs, and the
// handler acks with the same JSON Rootbot sends: its help for "help", else its "Checking your request" line.
//   PORT=3100 SLACK_SIGNING_SECRET=… SLACK_BOT_TOKEN=xoxb-… SLACK_API_URL=http://127.0.0.1:3001/api/ \
//   BENCH_ACKS=acks.json node app.js          (acks.json: {"help": "...", "request": "..."})
const fs = require('fs');
const { App, LogLevel } = require('@slack/bolt');

const acks = JSON.parse(fs.readFileSync(process.env.BENCH_ACKS, 'utf8'));
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});

app.command('/root', async ({ command, ack }) => {
  await ack({ text: command.text.trim().toLowerCase() === 'help' ? acks.help : acks.request });
});

(async () => {
  await app.start(Number(process.env.PORT));
  console.log(`bolt-js listening on ${process.env.PORT}`);
})();
