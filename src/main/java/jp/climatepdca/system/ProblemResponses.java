package jp.climatepdca.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * What servlet filters refuse before any controller runs (401 and 403 of the security filters, 413 of the
 * size limit, 400 of a refused URL), written with the same {@link Problems} builder as every answer of
 * {@link ApiExceptionHandler}.
 */
@Component
class ProblemResponses {

  private final ObjectMapper mapper;

  ProblemResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"climate-pdca\"");
    // the provider's one answer for a wrong password, an unknown user and a throttled attempt
    write(request, response, HttpStatus.UNAUTHORIZED, e.getMessage() != null && e.getMessage().contains("パスワード")
        ? e.getMessage() : "ログインが必要です（HTTP Basic 認証でユーザーIDとパスワードを送ってください）");
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "この操作を行う権限がありません");
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    var problem = Problems.of(status, detail);
    try {
      problem.setInstance(java.net.URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // a refused URL may be no valid URI: the answer goes without it
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(response.getOutputStream(), problem);
  }
}
