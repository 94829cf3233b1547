package jp.climatepdca.plan;

import java.util.List;
import java.util.regex.Pattern;
import jp.climatepdca.system.Quoted;

/**
 * The plan file's side of the one namespace of codes and of area membership (docs/area.md): a
 * municipality code may not be an area's, and the area a plan names (municipality.area) must list the
 * municipality once that area is loaded. An area not loaded yet is fine: members' plans load first.
 */
final class AreaReference {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{2,20}");

  private AreaReference() {}

  static void check(PlanDocument.MunicipalityEntry m, AreaDirectory areas, List<String> errors) {
    if (m == null || m.code() == null || !CODE.matcher(m.code()).matches()) {
      return;
    }
    if (areas != null && areas.isArea(m.code())) {
      errors.add("municipality.code: \"" + m.code() + "\" は圏域のコードとして登録されています。自治体には圏域と重ならないコードを付けてください");
    }
    if (m.area() == null) {
      return;
    }
    if (!CODE.matcher(m.area()).matches()) {
      errors.add("municipality.area: \"" + Quoted.cut(m.area(), 30)
          + "\" は使えません（圏域コード: 半角英数字とハイフン2〜20文字）");
      return;
    }
    var members = areas == null ? java.util.Optional.<List<String>>empty() : areas.members(m.area());
    if (members.isPresent() && !members.get().contains(m.code())) {
      errors.add("municipality.area: 圏域 \"" + m.area() + "\" の構成自治体に \"" + m.code()
          + "\" はありません。圏域計画ファイルの members に加えてから読み込んでください");
    }
  }
}
