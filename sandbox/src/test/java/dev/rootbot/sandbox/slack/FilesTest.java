package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File upload v2, through the unmodified Slack Java SDK's {@code filesUploadV2} and step by step. */
class FilesTest {
  static final String CSV = "account_id,account_name,password\n222222222222,prod-payments,false\n"
      + "333333333333,prod-data,true\n";
  static final String JSON = "{\"accounts\":2,\"note\":\"Grüße 🚀\"}";

  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final MethodsClient bot = SlackClients.bot(workspace);
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void forgetEverything() {
    workspace.reset();
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void files_upload_v2_of_the_java_sdk_shares_two_files_in_the_thread_as_one_message() throws Exception {
    String card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("Audit of 2 accounts")).getTs();

    FilesUploadV2Response uploaded = bot.filesUploadV2(r -> r.channel(INCIDENT_42).threadTs(card)
        .initialComment("The full report").uploadFiles(List.of(
            FilesUploadV2Request.UploadFile.builder().filename("audit.csv").title("Audit (CSV)")
                .fileData(CSV.getBytes(StandardCharsets.UTF_8)).build(),
            FilesUploadV2Request.UploadFile.builder().filename("audit.json").content(JSON).build())));

    assertThat(uploaded.isOk()).isTrue();
    assertThat(uploaded.getFiles()).extracting(File::getName).containsExactly("audit.csv", "audit.json");
    assertThat(uploaded.getFiles().get(0).getSize()).isEqualTo(CSV.length());
    assertThat(uploaded.getFiles().get(0).getMimetype()).isEqualTo("text/csv");
    assertThat(uploaded.getUploadResponses().values()).extracting(FilesUploadV2Response.UploadResponse::getBody)
        .containsExactlyInAnyOrder("OK - " + CSV.length(), "OK - " + JSON.getBytes(StandardCharsets.UTF_8).length);
    assertThat(workspace.files(INCIDENT_42, card)).extracting(SharedFile::name, SharedFile::title, SharedFile::size,
        SharedFile::text).containsExactly(
            org.assertj.core.groups.Tuple.tuple("audit.csv", "Audit (CSV)", CSV.length(), CSV),
            org.assertj.core.groups.Tuple.tuple("audit.json", "audit.json",
                JSON.getBytes(StandardCharsets.UTF_8).length, JSON));
    Message shared = workspace.thread(INCIDENT_42, card).get(1);
    assertThat(shared.text()).isEqualTo("The full report");
    assertThat(shared.fromBot()).isTrue();
    assertThat(shared.fileIds()).containsExactly(uploaded.getFiles().get(0).getId(), uploaded.getFiles().get(1).getId());
    assertThat(workspace.calls()).extracting(ApiCall::method).containsExactly("chat.postMessage",
        "files.getUploadURLExternal", "files.getUploadURLExternal", "files.completeUploadExternal");
  }

  @Test
  void a_shared_file_shows_in_the_thread_read_back_with_conversations_replies() throws Exception {
    String card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("card")).getTs();
    bot.filesUploadV2(r -> r.channel(INCIDENT_42).threadTs(card).filename("audit.csv").content(CSV));

    List<com.slack.api.model.Message> thread = bot.conversationsReplies(r -> r.channel(INCIDENT_42).ts(card))
        .getMessages();

    assertThat(thread).hasSize(2);
    File file = thread.get(1).getFiles().get(0);
    assertThat(file.getName()).isEqualTo("audit.csv");
    assertThat(file.getShares().getPublicChannels()).containsKey(INCIDENT_42);
    assertThat(thread.get(1).isUpload()).isTrue();
    HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(file.getUrlPrivateDownload()))
        .header("Authorization", "Bearer " + workspace.botToken()).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(file.getUrlPrivate())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(download.body()).isEqualTo(CSV);
    assertThat(anonymous.statusCode()).isEqualTo(403);
  }

  @Test
  void waiting_for_a_file_returns_it_once_the_bot_shares_it() throws Exception {
    String card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("card")).getTs();
    Thread later = new Thread(() -> {
      try {
        bot.filesUploadV2(r -> r.channel(INCIDENT_42).threadTs(card).filename("audit.json").content(JSON));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    later.start();

    SharedFile file = workspace.awaitFile(INCIDENT_42, card, f -> f.name().endsWith(".json"), Duration.ofSeconds(5));

    assertThat(file.text()).isEqualTo(JSON);
    later.join();
  }

  @Test
  void bytes_other_than_the_length_announced_are_refused_by_the_upload_url() throws Exception {
    FilesGetUploadURLExternalResponse url = bot.filesGetUploadURLExternal(r -> r.filename("note.txt").length(5));

    HttpResponse<String> upload = post(url.getUploadUrl(), "Grüße");
    FilesCompleteUploadExternalResponse complete = complete(url.getFileId());

    assertThat(upload.statusCode()).isEqualTo(400);
    assertThat(upload.body()).contains("length 5", "7 bytes");
    assertThat(complete.getError()).isEqualTo("file_not_found");
    assertThat(workspace.files()).isEmpty();
  }

  @Test
  void completing_a_file_never_uploaded_or_never_announced_is_file_not_found() throws Exception {
    FilesGetUploadURLExternalResponse url = bot.filesGetUploadURLExternal(r -> r.filename("a.csv").length(3));

    FilesCompleteUploadExternalResponse notUploaded = complete(url.getFileId());
    FilesCompleteUploadExternalResponse unknown = complete("F0NOSUCHFILE");

    assertThat(notUploaded.getError()).isEqualTo("file_not_found");
    assertThat(notUploaded.getResponseMetadata().getMessages()).anyMatch(m -> m.contains("nothing was uploaded"));
    assertThat(unknown.getError()).isEqualTo("file_not_found");
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void a_file_is_completed_once() throws Exception {
    FilesGetUploadURLExternalResponse url = bot.filesGetUploadURLExternal(r -> r.filename("a.csv").length(3));
    post(url.getUploadUrl(), "a,b");

    FilesCompleteUploadExternalResponse first = complete(url.getFileId());
    FilesCompleteUploadExternalResponse again = complete(url.getFileId());
    HttpResponse<String> uploadAgain = post(url.getUploadUrl(), "a,b");

    assertThat(first.isOk()).isTrue();
    assertThat(again.getError()).isEqualTo("file_not_found");
    assertThat(uploadAgain.statusCode()).isEqualTo(404);
    assertThat(workspace.messages(INCIDENT_42)).hasSize(1);
  }

  @Test
  void an_upload_url_needs_a_file_name_and_a_positive_length() throws Exception {
    FilesGetUploadURLExternalResponse noName = bot.filesGetUploadURLExternal(r -> r.length(3));
    FilesGetUploadURLExternalResponse empty = bot.filesGetUploadURLExternal(r -> r.filename("a.csv").length(0));

    assertThat(noName.getError()).isEqualTo("invalid_arguments");
    assertThat(noName.getResponseMetadata().getMessages()).anyMatch(m -> m.contains("filename"));
    assertThat(empty.getError()).isEqualTo("invalid_arguments");
  }

  @Test
  void a_file_completed_without_a_channel_stays_private_and_posts_nothing() throws Exception {
    FilesGetUploadURLExternalResponse url = bot.filesGetUploadURLExternal(r -> r.filename("a.csv").length(3));
    post(url.getUploadUrl(), "a,b");

    FilesCompleteUploadExternalResponse done = bot.filesCompleteUploadExternal(r -> r.files(List.of(details(
        url.getFileId()))));

    assertThat(done.isOk()).isTrue();
    assertThat(done.getFiles().get(0).getShares()).isNull();
    assertThat(workspace.file(url.getFileId())).hasValueSatisfying(f -> assertThat(f.text()).isEqualTo("a,b"));
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void a_multipart_upload_as_curl_sends_it_is_taken_too() throws Exception {
    FilesGetUploadURLExternalResponse url = bot.filesGetUploadURLExternal(r -> r.filename("a.csv").length(3));
    String boundary = "sandboxboundary";
    String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"a.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\na,b\r\n--" + boundary + "--\r\n";

    HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(upload.body()).isEqualTo("OK - 3");
    assertThat(complete(url.getFileId()).isOk()).isTrue();
  }

  private static FilesCompleteUploadExternalResponse complete(String fileId) throws Exception {
    return bot.filesCompleteUploadExternal(r -> r.files(List.of(details(fileId))).channelId(INCIDENT_42));
  }

  private static com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails details(
      String fileId) {
    var details = new com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails();
    details.setId(fileId);
    return details;
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
