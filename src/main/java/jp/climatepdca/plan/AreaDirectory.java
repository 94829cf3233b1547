package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;

/**
 * What the plan loader needs to know of areas: area and municipality codes share one namespace, and a
 * plan that names its area must be listed by that area once it is loaded. Implemented by the area
 * feature (which depends on plan, never the other way round); without an implementation there are no areas.
 */
public interface AreaDirectory {

  boolean isArea(String code);

  /** The members of the area, or empty when no area of that code is loaded. */
  Optional<List<String>> members(String area);
}
