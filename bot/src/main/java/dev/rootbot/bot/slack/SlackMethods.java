package dev.rootbot.bot.slack;

import com.google.gson.Gson;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Slack's Web API client, reading every answer with one {@link Gson}: the SDK's own client builds a new one for each
 * answer, and with it Gson's reflective readers of the answer's classes (a posted message, its blocks and
 * attachments), which cost most of the CPU a card took to post (JFR, bench/pipeline.sh). The requests, the HTTP
 * client and what the answers read as are the SDK's; only the reader is kept. Thread-safe, like the SDK's.
 *
 * <p>The SDK's per-team call statistics and its response listeners are not run: Rootbot turns the statistics off
 * and registers no listener.
 */
public final class SlackMethods extends MethodsClientImpl {
  private final Gson gson;

  public SlackMethods(SlackHttpClient http, String token) {
    super(http, token);
    setEndpointUrlPrefix(http.getConfig().getMethodsEndpointUrlPrefix());
    this.gson = GsonFactory.createSnakeCase(http.getConfig());
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form,
      String methodName, String token, Class<T> clazz) throws IOException, SlackApiException {
    try (Response response = runPostFormWithToken(form, methodName, token)) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        throw new SlackApiException(getSlackHttpClient().getConfig(), response, text);
      }
      T answer = gson.fromJson(text, clazz);
      if (answer == null) {
        throw new com.google.gson.JsonSyntaxException("Slack answered " + methodName + " with an empty body");
      }
      answer.setHttpResponseHeaders(lowerCased(response.headers().toMultimap()));
      return answer;
    }
  }

  private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
    var lowered = new HashMap<String, List<String>>();
    headers.forEach((name, values) -> lowered.put(name.toLowerCase(Locale.ENGLISH), values));
    return lowered;
  }
}
