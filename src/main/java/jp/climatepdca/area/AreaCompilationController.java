package jp.climatepdca.area;

import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The area's newest compilation of a year, for the area's own bodies (see {@link AreaAccess}). */
@RestController
class AreaCompilationController {

  private final AreaCompilationService compilations;
  private final AreaAccess access;

  AreaCompilationController(AreaCompilationService compilations, AreaAccess access) {
    this.compilations = compilations;
    this.access = access;
  }

  @GetMapping("/api/area-cycles/{area}/{fiscalYear}/compilation")
  AreaCompilation compilation(@PathVariable String area, @PathVariable @FiscalYear int fiscalYear,
      Authentication auth) {
    if (!access.readsCompilation(auth, area)) {
      throw new AccessDeniedException("この圏域の取りまとめを参照できるのは圏域の事務局・連絡会議・意見聴取委員会と管理者だけです");
    }
    return compilations.latest(area, fiscalYear).orElseThrow(() -> new NotFoundException(
        fiscalYear + "年度の圏域 \"" + area + "\" の取りまとめはまだありません"));
  }
}
