package jp.climatepdca.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests sent from a loopback address of the test's choice (127.0.0.2, 127.0.0.3, …), so the
 * server sees distinct clients as it would see distinct machines, without trusting any forwarded
 * header. Java's HttpClient cannot choose its local address before Java 19, hence a socket.
 */
public final class FromAddress {

  private final InetAddress local;
  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private FromAddress(InetAddress local, int port) {
    this.local = local;
    this.port = port;
  }

  public static FromAddress of(String loopbackAddress, int port) {
    try {
      return new FromAddress(InetAddress.getByName(loopbackAddress), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Authorization header's value for HTTP Basic. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Reply get(String path, Map<String, String> headers) {
    return send("GET", path, headers, null);
  }

  public Reply post(String path, Map<String, String> headers, String contentType, String body) {
    var all = new LinkedHashMap<>(headers);
    all.put("Content-Type", contentType);
    return send("POST", path, all, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A cookie the server set on an earlier answer to this client (null if none). */
  public String cookie(String name) {
    return cookies.get(name);
  }

  private Reply send(String method, String path, Map<String, String> headers, byte[] body) {
    try (var socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(30000);
      var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nConnection: close\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (!cookies.isEmpty()) {
        head.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream()
            .map(c -> c.getKey() + "=" + c.getValue()).toList())).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      var out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      var reply = Reply.read(socket.getInputStream());
      for (var set : reply.headers().getOrDefault("set-cookie", List.of())) {
        var pair = set.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0].strip(), pair.length > 1 ? pair[1] : "");
      }
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer: status, headers by lower-case name (in order), body as UTF-8. */
  public record Reply(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      var values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    static Reply read(InputStream in) throws IOException {
      var all = in.readAllBytes();
      var text = new String(all, StandardCharsets.ISO_8859_1);
      var end = text.indexOf("\r\n\r\n");
      var lines = text.substring(0, end).split("\r\n");
      var status = Integer.parseInt(lines[0].split(" ")[1]);
      var headers = new LinkedHashMap<String, List<String>>();
      for (var i = 1; i < lines.length; i++) {
        var colon = lines[i].indexOf(':');
        headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
      var raw = java.util.Arrays.copyOfRange(all, end + 4, all.length);
      var chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
      return new Reply(status, headers, new String(chunked ? unchunk(raw) : raw, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] raw) {
      var body = new ByteArrayOutputStream();
      var at = 0;
      while (true) {
        var lineEnd = at;
        while (raw[lineEnd] != '\r') {
          lineEnd++;
        }
        var size = Integer.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0]
            .strip(), 16);
        if (size == 0) {
          return body.toByteArray();
        }
        body.write(raw, lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
      }
    }
  }
}
