package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slack's file upload, version 2, in its three steps: {@code files.getUploadURLExternal} (a file ID and an
 * upload URL for {@code filename} and {@code length}), a POST of the bytes to that URL (served here, no token,
 * answered {@code 200 OK - <length>} as Slack answers), and {@code files.completeUploadExternal}, which shares
 * the files as one message by the bot in {@code channel_id} (or {@code channels}), in the thread of
 * {@code thread_ts} if given, with {@code initial_comment} as its text. It also serves each file's
 * {@code url_private} to the bot token.
 */
final class FileMethods {
  /** Slack's own limit on one file. */
  static final long MAX_LENGTH = 1L << 30;

  /** A file the bot asked to upload: where its bytes go, how many it promised, and those that came. */
  record Upload(String fileId, String key, String filename, long length, Optional<byte[]> content) {
    Upload withContent(byte[] bytes) {
      return new Upload(fileId, key, filename, length, Optional.of(bytes));
    }
  }

  private final Directory directory;
  private final WorkspaceState state;
  private final ChatMethods chat;
  private final Ids ids;
  private final SlackJson json;
  private final Clock clock;
  private final Supplier<String> baseUrl;

  FileMethods(Directory directory, WorkspaceState state, ChatMethods chat, Ids ids, SlackJson json, Clock clock,
      Supplier<String> baseUrl) {
    this.directory = directory;
    this.state = state;
    this.chat = chat;
    this.ids = ids;
    this.json = json;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  void registerOn(WebApi api) {
    api.register("files.getUploadURLExternal", WebApi.TokenKind.BOT, this::getUploadUrl);
    api.register("files.completeUploadExternal", WebApi.TokenKind.BOT, this::complete);
  }

  private JsonObject getUploadUrl(Params params) throws SlackError {
    List<String> problems = new ArrayList<>();
    Optional<String> filename = params.get("filename");
    if (filename.isEmpty()) {
      problems.add("[ERROR] missing required field: filename");
    }
    long length = 0;
    Optional<String> given = params.get("length");
    if (given.isEmpty()) {
      problems.add("[ERROR] missing required field: length");
    } else {
      try {
        length = Long.parseLong(given.get().trim());
        if (length < 1 || length > MAX_LENGTH) {
          problems.add("[ERROR] length must be from 1 to " + MAX_LENGTH + " bytes [json-pointer:/length]");
        }
      } catch (NumberFormatException e) {
        problems.add("[ERROR] length must be a whole number of bytes [json-pointer:/length]");
      }
    }
    if (!problems.isEmpty()) {
      throw new SlackError("invalid_arguments", problems);
    }
    Upload upload = new Upload(ids.fileId(), ids.secret(), filename.orElseThrow(), length, Optional.empty());
    state.addUpload(upload);
    JsonObject answer = new JsonObject();
    answer.addProperty("upload_url", baseUrl.get() + "/upload/v1/" + upload.key());
    answer.addProperty("file_id", upload.fileId());
    return answer;
  }

  /**
   * {@code POST /upload/v1/{key}}: the file's bytes, raw or as the one file of a multipart form. Bytes other
   * than the number promised are refused with 400 and not kept, so a length counted in characters instead
   * of UTF-8 bytes shows at once.
   */
  void upload(Context ctx) {
    Optional<Upload> upload = state.uploadByKey(ctx.pathParam("key"));
    if (upload.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("Not Found");
      return;
    }
    byte[] bytes = bytesOf(ctx);
    if (bytes.length != upload.get().length()) {
      ctx.status(400).contentType("text/plain; charset=utf-8").result("Upload failed: " + upload.get().filename()
          + " was announced with length " + upload.get().length() + " but " + bytes.length + " bytes arrived");
      return;
    }
    state.updateUpload(upload.get().fileId(), u -> u.withContent(bytes));
    ctx.status(200).contentType("text/plain; charset=utf-8").result("OK - " + bytes.length);
  }

  private static byte[] bytesOf(Context ctx) {
    String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/form-data")) {
      return ctx.bodyAsBytes();
    }
    List<UploadedFile> parts = ctx.uploadedFiles();
    if (parts.isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = parts.get(0).content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an uploaded file", e);
    }
  }

  private JsonObject complete(Params params) throws SlackError {
    Map<String, String> titles = requested(params.require("files", "invalid_arguments"));
    List<Upload> uploads = new ArrayList<>();
    for (String fileId : titles.keySet()) {
      Upload upload = state.upload(fileId).orElseThrow(() -> new SlackError("file_not_found",
          List.of("[ERROR] " + fileId + " was never announced with files.getUploadURLExternal, or was completed"
              + " already")));
      if (upload.content().isEmpty()) {
        throw new SlackError("file_not_found", List.of("[ERROR] nothing was uploaded to the upload URL of " + fileId));
      }
      uploads.add(upload);
    }
    List<Channel> channels = new ArrayList<>();
    for (String id : channelIds(params)) {
      channels.add(directory.conversation(id).orElseThrow(() -> new SlackError("channel_not_found")));
    }
    Optional<String> comment = params.get("initial_comment");
    // Slack ignores the blocks when there is an initial comment.
    String blocks = comment.isEmpty() && params.get("blocks").isPresent() ? chat.blocks(params.get("blocks").get())
        : "[]";
    Person bot = directory.bot();
    Instant now = clock.instant();
    List<SharedFile> files = uploads.stream().map(u -> new SharedFile(u.fileId(), u.filename(),
        titles.get(u.fileId()).isEmpty() ? u.filename() : titles.get(u.fileId()), bot.id(), now,
        u.content().orElseThrow())).toList();
    state.addFiles(files);
    Optional<Message> firstShare = Optional.empty();
    for (Channel channel : channels) {
      Message shared = share(channel, files, comment.orElse(""), blocks, params.get("thread_ts"));
      firstShare = firstShare.or(() -> Optional.of(shared));
    }
    JsonArray answered = new JsonArray();
    for (SharedFile file : files) {
      answered.add(json.file(file, firstShare));
    }
    JsonObject answer = new JsonObject();
    answer.add("files", answered);
    return answer;
  }

  /** Posts the message by the bot that shares {@code files}, in the thread of {@code threadTs} if there is one. */
  private Message share(Channel channel, List<SharedFile> files, String text, String blocks,
      Optional<String> threadTs) {
    Message message = Message.of(channel.id(), ids.nextTs(), directory.bot(), text, blocks,
        chat.threadRoot(channel.id(), threadTs), false, Via.WEB_API).withFiles(files.stream().map(SharedFile::id)
        .toList());
    state.post(message);
    return message;
  }

  /** The {@code files} argument: file ID → title ({@code ""} when none), in the order given. */
  private static Map<String, String> requested(String files) throws SlackError {
    JsonArray array = Json.parseArray(files).orElseThrow(() -> new SlackError("invalid_arguments",
        List.of("[ERROR] files must be a JSON array of {\"id\", \"title\"} objects [json-pointer:/files]")));
    if (array.isEmpty()) {
      throw new SlackError("invalid_arguments", List.of("[ERROR] files must name at least one file"));
    }
    Map<String, String> titles = new LinkedHashMap<>();
    for (JsonElement element : array) {
      Optional<String> id = element.isJsonObject() ? Json.string(element.getAsJsonObject(), "id") : Optional.empty();
      if (id.isEmpty()) {
        throw new SlackError("invalid_arguments", List.of("[ERROR] every file needs an id [json-pointer:/files]"));
      }
      titles.put(id.get(), Json.string(element.getAsJsonObject(), "title").orElse(""));
    }
    return titles;
  }

  private static List<String> channelIds(Params params) {
    Optional<String> channels = params.get("channels");
    if (channels.isPresent()) {
      return List.of(channels.get().split("\\s*,\\s*"));
    }
    return params.get("channel_id").map(List::of).orElse(List.of());
  }

  /** {@code GET /files-pri/T…-F…/[download/]name}: a file's bytes, to the bot token as Slack serves them. */
  void serve(Context ctx, String botToken) {
    String authorization = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    if (!authorization.equals("Bearer " + botToken)) {
      ctx.status(403).contentType("text/plain; charset=utf-8").result("Forbidden");
      return;
    }
    String teamFile = ctx.pathParam("file");
    String fileId = teamFile.startsWith(SlackWorkspace.TEAM_ID + "-")
        ? teamFile.substring(SlackWorkspace.TEAM_ID.length() + 1) : "";
    Optional<SharedFile> file = state.file(fileId);
    if (file.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("Not Found");
      return;
    }
    ctx.contentType(FileType.of(file.get().name()).mimetype()).result(file.get().content());
  }
}
