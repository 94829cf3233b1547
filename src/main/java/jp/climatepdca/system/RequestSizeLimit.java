package jp.climatepdca.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A ceiling on request bodies ({@code climate-pdca.max-request-size}). Tomcat limits only form posts and
 * Spring only multipart, while /api/plans and the task forms read raw JSON, so without this one request
 * could fill the memory. A body with a Content-Length is judged by it before anything is read or
 * authenticated; a chunked body (no Content-Length) is read here up to one byte past the limit, which
 * is no more memory than an announced body of the largest allowed size takes, and handed on from
 * memory (form posts excepted: Tomcat's own maxPostSize covers them). Both are answered 413 as
 * problem+json with a Japanese detail.
 */
@Configuration
class RequestSizeLimit {

  @Bean
  FilterRegistrationBean<Filter> requestSizeLimitFilter(ProblemResponses problems,
      @Value("${climate-pdca.max-request-size:5MB}") DataSize limit,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    var registration = new FilterRegistrationBean<>(new Filter(limit, problems));
    registration.setName("request-size-limit");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", webapps + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final DataSize limit;
    private final ProblemResponses problems;

    Filter(DataSize limit, ProblemResponses problems) {
      this.limit = limit;
      this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var announced = request.getContentLengthLong();
      if (announced > limit.toBytes()) {
        tooLarge(request, response, announced / 1024 + " KB");
        return;
      }
      if (announced < 0 && BufferedBody.isChunkedStream(request)) {
        var body = BufferedBody.read(request, limit.toBytes());
        if (body == null) {
          tooLarge(request, response, limit.toMegabytes() + " MB を超えています");
          return;
        }
        chain.doFilter(body, response);
        return;
      }
      chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, String size) throws IOException {
      problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "リクエストが大きすぎます（" + size + "）。"
          + limit.toMegabytes() + " MB 以下にしてください");
    }
  }
}
