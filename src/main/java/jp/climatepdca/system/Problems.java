package jp.climatepdca.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details whose title, like their detail, a Japanese reader understands. */
final class Problems {

  private Problems() {}

  static ProblemDetail of(HttpStatus status, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title(status));
    return problem;
  }

  private static String title(HttpStatus status) {
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
