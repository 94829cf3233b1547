package jp.climatepdca.area;

import static jp.climatepdca.emission.EmissionsSummary.percent;
import static jp.climatepdca.emission.EmissionsSummary.tonnes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import jp.climatepdca.publication.FiscalYears;

/**
 * The liaison meeting's agenda pack (連絡会議の資料) as plain Japanese text, from a stored compilation alone,
 * so the meeting's form shows exactly what was compiled. Figures as staff read them (whole t-CO2, signed
 * percent), like the members' own Check forms.
 */
final class AreaAgenda {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Tokyo"));

  private AreaAgenda() {}

  static String text(AreaCompilation c) {
    var t = new StringBuilder();
    t.append("【").append(c.areaName()).append(" ").append(FiscalYears.label(c.fiscalYear())).append(" 圏域の取りまとめ（第")
        .append(c.number()).append("回・").append(DAY.format(c.compiledAt())).append("）】\n\n");
    emissions(t, c);
    t.append('\n');
    measures(t, c);
    return t.toString();
  }

  private static void emissions(StringBuilder t, AreaCompilation c) {
    t.append("1. 温室効果ガス排出量（").append(c.inventoryYear()).append("年度、t-CO2）\n");
    if (c.total() == null) {
      t.append("　確認済みの排出量がある市町村はありません。\n");
    } else {
      t.append("　圏域合計: ").append(tonnes(c.total()));
      if (c.baseYear().changePercent() != null) {
        t.append("（基準年度 ").append(c.baseYear().year()).append("年度 ").append(tonnes(c.baseYear().total()))
            .append(" 比 ").append(percent(c.baseYear().changePercent())).append('）');
      }
      t.append('\n');
    }
    if (!c.complete()) {
      t.append("　※ 確認済みの排出量がない市町村（合計に含みません）: ").append(String.join("、", c.missingInventories()))
          .append('\n');
    }
    if (!c.baseYear().missing().isEmpty()) {
      t.append("　※ 基準年度の排出量が不明な市町村: ").append(String.join("、", c.baseYear().missing())).append('\n');
    }
    var path = c.targetPath();
    if (path != null) {
      t.append("　削減目標の経路上の値（").append(path.year()).append("年度）: ").append(tonnes(path.pathTotal()));
      if (path.onTrack() != null) {
        t.append("　実績との差 ").append(percent(path.gapPercent()))
            .append(path.onTrack() ? "（目標の経路を達成）" : "（目標の経路を上回る排出）");
      }
      t.append('\n');
    }
    c.targets().forEach(target -> t.append("　目標: ").append(target.label() == null ? "" : target.label() + " ")
        .append(target.year()).append("年度に基準年度比 ").append(target.reductionPercent().stripTrailingZeros().toPlainString())
        .append("%削減").append(target.total() == null ? "" : "（" + tonnes(target.total()) + "）").append('\n'));
    t.append("　市町村別:\n");
    for (var m : c.members()) {
      t.append("　・").append(m.name()).append(m.lead() ? "（事務局）" : "").append(": ");
      if (m.missing()) {
        t.append("未確定（").append(m.note()).append('）');
      } else {
        t.append(tonnes(m.total())).append("　").append(m.versionLabel());
        if (m.changeFromBaseYearPercent() != null) {
          t.append("　基準年度比 ").append(percent(m.changeFromBaseYearPercent()));
        }
        if (m.note() != null) {
          t.append("　※").append(m.note());
        }
      }
      t.append('\n');
    }
    if (!c.sectors().isEmpty()) {
      t.append("　部門別: ").append(c.sectors().stream().map(s -> s.label() + " " + tonnes(s.total()))
          .collect(Collectors.joining("、"))).append('\n');
      t.append("　ガス別: ").append(c.gases().stream().map(g -> g.gas() + " " + tonnes(g.total()))
          .collect(Collectors.joining("、"))).append('\n');
    }
  }

  private static void measures(StringBuilder t, AreaCompilation c) {
    t.append("2. 共通施策の進捗状況（").append(c.reviewYear()).append("年度の取組）\n");
    if (c.measures().isEmpty()) {
      t.append("　圏域計画に共通施策はありません。\n");
      return;
    }
    var keyFirst = new java.util.ArrayList<>(c.keyProjects());
    c.measures().stream().filter(m -> !m.keyProject()).forEach(keyFirst::add);
    for (var m : keyFirst) {
      t.append(m.keyProject() ? "　◎【重点事業】" : "　・").append(m.code()).append(' ').append(m.name()).append('\n');
      for (var p : m.members()) {
        t.append("　　").append(p.name()).append("（").append(p.kindLabel()).append("）: ").append(p.progressLabel());
        if (p.achievements() != null) {
          t.append(" ― ").append(p.achievements().replace('\n', ' '));
        }
        t.append('\n');
      }
    }
  }
}
