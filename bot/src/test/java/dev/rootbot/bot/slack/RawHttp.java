package dev.rootbot.bot.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange written byte for byte, for what {@code java.net.http} refuses to send: a malformed
 * target, a lying {@code Content-Length}, broken chunking, a header it reserves.
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, CRLF-separated, without the blank line; UTF-8) and {@code body},
   * then reads until the server closes the connection.
   *
   * @return the status code of the answer, or 0 when the server closed without answering
   */
  static int exchange(int port, String head, byte[] body) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      socket.setSoTimeout(5_000);
      var out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      try {
        out.write(body);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException closedEarly) {
        // The server may answer (413, 400) and close before it has read everything: its answer still counts.
      }
      return status(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int status(InputStream in) throws IOException {
    var answer = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    try {
      for (int n = in.read(chunk); n != -1 && answer.size() < 64 * 1024; n = in.read(chunk)) {
        answer.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived is enough to read the status line
    }
    String text = answer.toString(StandardCharsets.ISO_8859_1);
    if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
      return 0;
    }
    return Integer.parseInt(text.substring(9, 12));
  }
}
