package jp.climatepdca.area;

/**
 * A member's part in a shared measure: {@code kind} IMPLEMENTATION (実施事業) or STUDY (検討事業), and
 * {@code memberMeasure}, the code of the member's own measure that carries it (null when its plan has none).
 */
public record MemberRole(String municipality, String kind, String memberMeasure) {}
