package jp.climatepdca.system;

import jakarta.servlet.RequestDispatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error answer for our endpoints under the webapps' address ({@code <application
 * path>/api/climate-pdca/}, called by Tasklist's and Cockpit's scripts with their session). A filter that
 * refuses before our controllers run answers with {@code sendError}: Camunda's CSRF filter (a change without
 * the page's token, or with a stale one), an unknown path. Those came back as Spring's English
 * {@code {"error":"Forbidden"}} where everything else there speaks Japanese; here they get the problem shape of
 * /api in Japanese. Every other path (the webapps' own, actuator) keeps Spring's attributes as they were.
 */
@Component
class WebappApiErrors extends DefaultErrorAttributes {

  private final String prefix;

  WebappApiErrors(@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    this.prefix = applicationPath + "/api/climate-pdca/";
  }

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    var attributes = super.getErrorAttributes(request, options);
    var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
    var status = attributes.get("status") instanceof Integer code ? HttpStatus.resolve(code) : null;
    if (!(path instanceof String uri) || !uri.startsWith(prefix) || status == null) {
      return attributes;
    }
    var problem = Problems.of(status, detail(status, uri));
    var body = new LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", problem.getTitle());
    body.put("status", status.value());
    body.put("detail", problem.getDetail());
    body.put("instance", uri);
    return body;
  }

  private static String detail(HttpStatus status, String uri) {
    return switch (status) {
      case FORBIDDEN -> "受け付けられませんでした。画面の確認用の情報がないか古くなっています。"
          + "Tasklist（Cockpit）の画面を開き直してから、もう一度操作してください";
      case NOT_FOUND -> "該当する API はありません: " + Quoted.cut(uri);
      case METHOD_NOT_ALLOWED -> "このURLではこの操作は使えません";
      default -> status.is5xxServerError() ? "サーバーで予期しないエラーが発生しました。管理者に連絡してください"
          : "受け付けられませんでした（" + status.value() + "）";
    };
  }
}
