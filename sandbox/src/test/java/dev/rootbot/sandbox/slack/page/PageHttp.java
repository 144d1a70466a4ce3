package dev.rootbot.sandbox.slack.page;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The page's HTTP API called as the page calls it: JSON to {@code /page/api/…}, from the page's own origin. */
final class PageHttp {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final SlackWorkspace workspace;

  PageHttp(SlackWorkspace workspace) {
    this.workspace = workspace;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(workspace.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonObject state(String userId) throws IOException, InterruptedException {
    return JsonParser.parseString(get("/page/api/state?as=" + userId).body()).getAsJsonObject();
  }

  /** POSTs {@code json} as the page's own script would, with its origin. */
  HttpResponse<String> post(String action, String json) throws IOException, InterruptedException {
    return post(action, json, "application/json", workspace.baseUrl());
  }

  HttpResponse<String> post(String action, String body, String contentType, String origin)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(workspace.baseUrl() + "/page/api/" + action))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonObject act(String action, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = post(action, json);
    JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
    if (response.statusCode() != 200) {
      throw new AssertionError(action + " answered " + response.statusCode() + ": " + response.body());
    }
    return answer;
  }

  /** The status line of a GET sent with a Host header of our choosing, which java.net.http does not allow. */
  String statusLineWithHost(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", workspace.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(0, response.indexOf("\r\n"));
    }
  }
}
