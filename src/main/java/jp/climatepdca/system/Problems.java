package jp.climatepdca.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Problem details whose title, like their detail, a Japanese reader understands. Public for the answers written
 * outside /api's exception handler: the webapps' endpoints (their own titles) and the public opinion form.
 */
public final class Problems {

  private Problems() {}

  static ProblemDetail of(HttpStatus status, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title(status));
    return problem;
  }

  /** The answer of a refusal with its own title (「ログインが必要です」), as application/problem+json. */
  public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** The Japanese title of a status. */
  public static String title(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "入力内容に誤りがあります";
      case UNAUTHORIZED -> "認証が必要です";
      case FORBIDDEN -> "権限がありません";
      case NOT_FOUND -> "見つかりません";
      case METHOD_NOT_ALLOWED -> "この操作はできません";
      case CONFLICT -> "既に登録されています";
      case UNSUPPORTED_MEDIA_TYPE -> "形式が正しくありません";
      case PAYLOAD_TOO_LARGE -> "リクエストが大きすぎます";
      default -> status.is5xxServerError() ? "サーバーエラー" : status.getReasonPhrase();
    };
  }
}
