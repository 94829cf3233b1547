package jp.climatepdca.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown /api path reaches Spring's static-resource handler, not one of our controllers, so
 * {@link ApiExceptionHandler} (limited to our packages) never sees it and the client got Spring Boot's
 * English error JSON. Outside /api (the webapps' files) the exception goes on to Spring's usual 404.
 */
@RestControllerAdvice
class ApiPathNotFound {

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail notFound(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw e;
    }
    return Problems.of(HttpStatus.NOT_FOUND, "該当する API はありません: /" + e.getResourcePath());
  }
}
