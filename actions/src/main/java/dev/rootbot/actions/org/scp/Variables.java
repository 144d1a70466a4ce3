package dev.rootbot.actions.org.scp;

import java.util.List;
import java.util.Optional;

/**
 * IAM policy variables ({@code ${aws:PrincipalAccount}}) in Resource patterns and string or ARN condition
 * values, replaced by what the request context holds. A variable whose key is unknown, or one of the escapes
 * {@code ${*}} and {@code ${?}} (a literal wildcard character, which a pattern here cannot say), leaves the value
 * unknown.
 */
final class Variables {
  private Variables() {}

  static Optional<String> resolve(String text, RootSessionContext who, RootCall call) {
    int start = text.indexOf("${");
    if (start < 0) {
      return Optional.of(text);
    }
    var out = new StringBuilder();
    int from = 0;
    while (start >= 0) {
      int end = text.indexOf('}', start);
      if (end < 0) {
        break;
      }
      out.append(text, from, start);
      // ${key, 'default'}: the default only stands in when the key is absent, and absence is unknown here.
      String name = text.substring(start + 2, end).split(",", 2)[0].strip();
      if (name.equals("$")) {
        out.append('$');
      } else {
        Optional<List<String>> values = who.values(name, call);
        if (values.isEmpty() || values.get().size() != 1) {
          return Optional.empty();
        }
        out.append(values.get().get(0));
      }
      from = end + 1;
      start = text.indexOf("${", from);
    }
    out.append(text.substring(from));
    return Optional.of(out.toString());
  }
}
