package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The printed report of a snapshot in the book layout, read back with PDFBox as a reader's PDF viewer would:
 * a cover, a table of contents whose page numbers lead to the pages where the sections start, bookmarks, and
 * the two charts with their Japanese labels as text (so they are searchable and a screen reader reads them).
 */
class ReportBookPdfTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  @Test
  void coverContentsAndChartsInJapaneseText() throws IOException {
    var report = new PublishedReport(book(), 1, Instant.parse("2024-12-01T01:00:00Z"), true, List.of());
    try (var pdf = Loader.loadPDF(ReportPdfFixture.renderer().render(report))) {
      var pages = pages(pdf);
      var cover = flat(pages.get(0));
      assertThat(cover).contains("ひのき町", "ひのき町地球温暖化対策実行計画（2021〜2030年度）", "年次報告書",
          "2024年度（令和6年度）", "第1版2024年12月1日公表").doesNotContain("目次").doesNotContain("下書き");
      // no page number on the cover
      assertThat(pages.get(0)).doesNotContain("1 / ");

      // the page's footer ("2 / 7") comes first in the text, then the contents
      var toc = pages.get(1).substring(pages.get(1).indexOf("目次") + 2);
      assertThat(flat(pages.get(1))).contains("目次");
      var entries = new LinkedHashMap<String, Integer>();
      var line = Pattern.compile("^(.+?)\\s*(\\d+)$", Pattern.MULTILINE).matcher(toc);
      while (line.find()) {
        entries.put(line.group(1).strip(), Integer.parseInt(line.group(2)));
      }
      assertThat(entries.keySet()).containsExactly("概要", "図で見る進捗", "施策の進捗状況", "温室効果ガス排出量",
          "指標の達成状況", "施策の点検結果（2023年度（令和5年度））", "点検・評価", "推進委員会（環境審議会）の意見と対応方針");
      // each number is the page (as its footer counts) on which that heading stands, in order
      var previous = 3;
      for (var entry : entries.entrySet()) {
        assertThat(entry.getValue()).as(entry.getKey()).isGreaterThanOrEqualTo(previous);
        assertThat(flat(pages.get(entry.getValue() - 1))).as(entry.getKey() + " on page " + entry.getValue())
            .contains(flat(entry.getKey()));
        previous = entry.getValue();
      }
      assertThat(flat(pages.get(2))).contains(entries.get("概要") + "/" + pages.size());

      // the charts: titles, a bar per year and per department, their legends, the target path, all as text
      var charts = flat(pages.get(entries.get("図で見る進捗") - 1));
      assertThat(charts).contains("温室効果ガス排出量の推移と削減目標の経路（t-CO2）", "2013年度", "2022年度", "2030年度",
          "2050年度", "産業部門", "業務その他部門", "家庭部門", "運輸部門", "削減目標の経路", "123,456.7", "目標66,666.6",
          "所管課別の施策の進捗状況（自己評価）", "環境部環境政策課ゼロカーボン推進室", "都市整備部都市計画課", "完了", "未着手");

      var bookmarks = new ArrayList<String>();
      for (PDOutlineItem item = pdf.getDocumentCatalog().getDocumentOutline().getFirstChild(); item != null;
          item = item.getNextSibling()) {
        bookmarks.add(item.getTitle());
      }
      assertThat(bookmarks).containsExactly("表紙", "目次", "概要", "図で見る進捗", "施策の進捗状況", "温室効果ガス排出量",
          "指標の達成状況", "施策の点検結果", "点検・評価", "推進委員会の意見と対応方針");
    }
  }

  @Test
  void aDraftSaysSoOnTheCoverAndOnEveryPage() throws IOException {
    var draft = new PublishedReport(book(), 2, null, true, List.of());
    try (var pdf = Loader.loadPDF(ReportPdfFixture.renderer().render(draft))) {
      var pages = pages(pdf);
      assertThat(flat(pages.get(0))).contains("第2版下書き・未公表", "公表の承認のための確認用です").doesNotContain("公表日");
      for (int p = 1; p < pages.size(); p++) {
        assertThat(flat(pages.get(p))).as("page " + (p + 1)).contains("下書き・未公表");
      }
    }
  }

  @Test
  void withoutEmissionsOrMeasuresThereIsNoChartSection() throws IOException {
    var c = book();
    var bare = new ReportContent(c.municipality(), c.municipalityName(), c.fiscalYear(), c.reviewYear(), 1, c.summary(),
        null, c.preparedAt(), c.evaluation(), List.of(), List.of(), null, List.of(), List.of(), List.of(),
        ReportContent.BOOK, c.planName());
    try (var pdf = Loader.loadPDF(ReportPdfFixture.renderer().render(new PublishedReport(bare, 1,
        Instant.parse("2024-12-01T01:00:00Z"), true, List.of())))) {
      var text = flat(new PDFTextStripper().getText(pdf));
      assertThat(text).contains("目次", "この報告書の時点で算定済みの排出量はありません。").doesNotContain("図で見る進捗");
    }
  }

  /** The frozen report of FrozenReportLayoutTest, in the book layout. */
  static ReportContent book() throws IOException {
    var node = (ObjectNode) JSON.readTree(new ClassPathResource("publication/frozen-report-961801-2024.json")
        .getInputStream());
    node.put("layout", ReportContent.BOOK);
    node.put("planName", "ひのき町 地球温暖化対策実行計画（2021〜2030年度）");
    return JSON.treeToValue(node, ReportContent.class);
  }

  static List<String> pages(PDDocument pdf) throws IOException {
    var pages = new ArrayList<String>();
    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
      var stripper = new PDFTextStripper();
      stripper.setStartPage(p);
      stripper.setEndPage(p);
      pages.add(stripper.getText(pdf));
    }
    return pages;
  }

  private static String flat(String text) {
    return text.replaceAll("[\\s\\p{Z}]+", "");
  }
}
