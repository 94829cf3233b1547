package jp.climatepdca.system;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place where an exception becomes an HTTP answer of /api: application/problem+json with a
 * Japanese title and a detail that says what to change; {@code errors} lists every problem when there
 * are several. What the servlet filters refuse before a controller runs (401, 403, 413, a rejected URL)
 * is written by {@link ProblemResponses} with the same {@link Problems} builder.
 *
 * <p>Not limited to our controllers' packages: an unknown /api path reaches Spring's static-resource
 * handler, and its 404 is answered here too. Outside /api (the webapps' files, actuator) the exceptions
 * without a handler of their own go on to Spring's usual handling, rethrown unchanged.
 */
@RestControllerAdvice
class ApiExceptionHandler {


  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(UserInputException.class)
  ProblemDetail userInput(UserInputException e) {
    var problem = problem(HttpStatus.BAD_REQUEST, e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    var detail = e.getMessage() == null || e.getMessage().startsWith("Access Denied")
        ? "この操作を行う権限がありません" : e.getMessage();
    return problem(HttpStatus.FORBIDDEN, detail);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    var cause = e.getCause();
    String detail;
    var limit = JsonReadLimits.describe(e);
    if (limit.isPresent()) {
      detail = JsonReadLimits.unreadable(e);
    } else if (cause instanceof UnrecognizedPropertyException u) {
      // StrictRequestBodies: the fields this request has, so the sender can correct a misspelling
      detail = field(u) + ": 項目 \"" + Quoted.cut(u.getPropertyName()) + "\" は定義されていません（使える項目: "
          + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + "）";
    } else if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      detail = field(f) + ": 値 \"" + Quoted.cut(String.valueOf(f.getValue())) + "\" の形式が正しくありません（"
          + typeName(f.getTargetType()) + "）";
    } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      detail = field(m) + ": 値の形式が正しくありません（" + typeName(m.getTargetType()) + "）";
    } else {
      detail = JsonReadLimits.unreadable(cause);
    }
    return problem(HttpStatus.BAD_REQUEST, detail);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getName() + ": 値 \"" + Quoted.cut(String.valueOf(e.getValue()))
        + "\" の形式が正しくありません（" + typeName(e.getRequiredType()) + "）");
  }

  /** Bean Validation of a request body ({@code @Valid}): every field's message, as a hand-written check lists them. */
  @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(org.springframework.web.bind.MethodArgumentNotValidException e) {
    var errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().toList();
    return invalid(errors);
  }

  /** Bean Validation of path variables and parameters (a year out of range). */
  @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
  ProblemDetail invalidArguments(org.springframework.web.method.annotation.HandlerMethodValidationException e) {
    var errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r instanceof org.springframework.validation.method.ParameterErrors body
            ? body.getFieldErrors().stream().map(f -> f.getField() + ": " + f.getDefaultMessage())
            : r.getResolvableErrors().stream().map(m -> name(r.getMethodParameter()) + ": "
                + m.getDefaultMessage() + "（" + Quoted.cut(String.valueOf(r.getArgument())) + "）"))
        .sorted().toList();
    return invalid(errors);
  }

  private ProblemDetail invalid(List<String> errors) {
    var problem = problem(HttpStatus.BAD_REQUEST, "入力内容を確認してください: " + String.join(" / ", errors));
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String name(org.springframework.core.MethodParameter parameter) {
    var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
    return path != null && !path.value().isEmpty() ? path.value() : String.valueOf(parameter.getParameterName());
  }

  /**
   * An unknown /api path reaches Spring's static-resource handler, not one of our controllers; without
   * this the client got Spring Boot's English error JSON. Outside /api (the webapps' files) the
   * exception goes on to Spring's usual 404.
   */
  @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
  ProblemDetail noSuchPath(org.springframework.web.servlet.resource.NoResourceFoundException e,
      jakarta.servlet.http.HttpServletRequest request) throws Exception {
    if (!isApi(request)) {
      throw e;
    }
    return problem(HttpStatus.NOT_FOUND, "該当する API はありません: /" + Quoted.cut(e.getResourcePath()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type は application/json を指定してください");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "このURLでは " + e.getMethod() + " は使えません");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) throws Exception {
    if (!isApi(request)) {
      throw e;
    }
    LOG.error("Unexpected API error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "サーバーで予期しないエラーが発生しました。管理者に連絡してください");
  }

  private static boolean isApi(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static String field(MismatchedInputException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "不明な型";
    }
    if (List.of(Integer.class, int.class, Long.class, long.class).contains(type)) {
      return "整数";
    }
    if (type == java.math.BigDecimal.class) {
      return "数値";
    }
    if (type == String.class) {
      return "文字列";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true または false";
    }
    return type.getSimpleName();
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    return Problems.of(status, detail);
  }
}
