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
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A ceiling on request bodies ({@code climate-pdca.max-request-size}). Tomcat limits only form posts and
 * Spring only multipart, while /api/plans and the task forms read raw JSON, so without this one request
 * could fill the memory. Checked on Content-Length before anything is read or authenticated; answered
 * 413 as problem+json with a Japanese detail. (A body sent chunked, without Content-Length, is not
 * measured here.)
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
      if (request.getContentLengthLong() > limit.toBytes()) {
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "リクエストが大きすぎます（"
            + request.getContentLengthLong() / 1024 + " KB）。" + limit.toMegabytes() + " MB 以下にしてください");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
