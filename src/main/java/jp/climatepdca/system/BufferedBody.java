package jp.climatepdca.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request whose chunked body was read into memory by {@link RequestSizeLimit}, so it could be measured,
 * and is now served from there with its real length.
 */
final class BufferedBody extends HttpServletRequestWrapper {

  private final byte[] body;

  private BufferedBody(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /**
   * A chunked body that the application reads as a stream. Form posts are left to Tomcat, which limits
   * them itself (maxPostSize, chunked too) and would no longer find their parameters in a body read here.
   */
  static boolean isChunkedStream(HttpServletRequest request) {
    var encoding = request.getHeader("Transfer-Encoding");
    var type = request.getContentType();
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")
        && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"));
  }

  /** The request with its body in memory, or null when the body is longer than {@code limit} bytes. */
  static BufferedBody read(HttpServletRequest request, long limit) throws IOException {
    // one byte more than allowed tells "too large" without reading the rest of it
    var bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    return bytes.length > limit ? null : new BufferedBody(request, bytes);
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public ServletInputStream getInputStream() {
    var in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body is already in memory");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    var encoding = getCharacterEncoding();
    var charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
  }
}
