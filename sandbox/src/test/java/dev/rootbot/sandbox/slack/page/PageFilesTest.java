package dev.rootbot.sandbox.slack.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The page and its files: served from the jar under a strict Content-Security-Policy, and nothing else. */
class PageFilesTest {
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final PageHttp page = new PageHttp(workspace);

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void the_page_is_at_the_root_under_a_content_security_policy_that_runs_only_its_own_scripts() throws Exception {
    HttpResponse<String> response = page.get("/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
        "connect-src 'self' http://127.0.0.1:* http://localhost:*", "object-src 'none'", "frame-ancestors 'none'");
    assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.body()).contains("<script type=\"module\" src=\"/page/app.js\"></script>");
  }

  @Test
  void every_file_of_the_page_is_served_with_its_type_and_nothing_else_is() throws Exception {
    for (String file : Assets.FILES) {
      HttpResponse<String> response = page.get("/page/" + file);
      assertThat(response.statusCode()).as(file).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).as(file).hasValueSatisfying(type ->
          assertThat(type).startsWith(file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css"
              : file.endsWith(".svg") ? "image/svg+xml" : "text/html"));
    }
    assertThat(page.get("/page/missing.js").statusCode()).isEqualTo(404);
    assertThat(page.get("/page/..%2F..%2Fsandbox-logback.xml").statusCode()).isEqualTo(404);
    assertThat(page.get("/page/SandboxPage.class").statusCode()).isEqualTo(404);
  }

  @Test
  void the_html_has_no_inline_script_or_event_handler_attribute() throws Exception {
    String html = read("index.html");

    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).isFalse();
    assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
    assertThat(html).doesNotContain("style=");
  }

  @Test
  void no_script_parses_a_string_as_html_or_code() throws Exception {
    Pattern dangerous = Pattern.compile(
        "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function|setAttribute\\(\\s*['\"]on"
            + "|createContextualFragment|DOMParser|\\.srcdoc");
    for (String file : Assets.FILES) {
      if (file.endsWith(".js")) {
        assertThat(dangerous.matcher(read(file)).find()).as(file).isFalse();
      }
    }
  }

  private static String read(String file) throws IOException {
    try (InputStream in = Assets.class.getResourceAsStream("assets/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
