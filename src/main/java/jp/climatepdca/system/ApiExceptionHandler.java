package jp.climatepdca.system;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
 * Errors of /api as application/problem+json with a message in Japanese that says what to change.
 * {@code errors} lists every problem when there are several.
 */
@RestControllerAdvice(basePackages = "jp.climatepdca")
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
    if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      detail = field(f) + ": 値 \"" + f.getValue() + "\" の形式が正しくありません（" + typeName(f.getTargetType()) + "）";
    } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      detail = field(m) + ": 値の形式が正しくありません（" + typeName(m.getTargetType()) + "）";
    } else if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      detail = "リクエストの JSON が正しくありません（" + j.getLocation().getLineNr() + "行目 "
          + j.getLocation().getColumnNr() + "列目）";
    } else {
      detail = "リクエストの本文がありません、または JSON として読めません";
    }
    return problem(HttpStatus.BAD_REQUEST, detail);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getName() + ": 値 \"" + e.getValue() + "\" の形式が正しくありません（"
        + typeName(e.getRequiredType()) + "）");
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
  ProblemDetail unexpected(Exception e) {
    LOG.error("Unexpected API error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "サーバーで予期しないエラーが発生しました。管理者に連絡してください");
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
