package jp.climatepdca.area;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A theme working group (テーマ別ワーキンググループ) set up by a staff meeting: member municipalities' staff
 * carry a joint project on one theme from its set-up to its dissolution (設置・廃止を柔軟に行う体制), which
 * may be postponed with a reason.
 */
@Entity
@Table(name = "area_working_group")
class WorkingGroup {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "meeting_id")
  private Long meetingId;

  private String theme;

  private String purpose;

  @Column(name = "set_up_on")
  private LocalDate setUpOn;

  @Column(name = "planned_dissolution_on")
  private LocalDate plannedDissolutionOn;

  @Column(name = "dissolved_on")
  private LocalDate dissolvedOn;

  private String report;

  @Column(name = "set_up_by")
  private String setUpBy;

  @Column(name = "set_up_at")
  private Instant setUpAt;

  @Column(name = "dissolved_by")
  private String dissolvedBy;

  @Column(name = "dissolved_at")
  private Instant dissolvedAt;

  @ElementCollection
  @CollectionTable(name = "area_working_group_member", joinColumns = @JoinColumn(name = "working_group_id"))
  @OrderColumn(name = "position")
  @Column(name = "municipality_code")
  private List<String> members = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "area_working_group_extension", joinColumns = @JoinColumn(name = "working_group_id"))
  @OrderColumn(name = "position")
  private List<Extension> extensions = new ArrayList<>();

  protected WorkingGroup() {}

  WorkingGroup(String areaCode, Long meetingId, String theme, String purpose, List<String> members, LocalDate setUpOn,
      LocalDate plannedDissolutionOn, String by, Instant at) {
    this.areaCode = areaCode;
    this.meetingId = meetingId;
    this.theme = theme;
    this.purpose = purpose;
    this.members.addAll(members);
    this.setUpOn = setUpOn;
    this.plannedDissolutionOn = plannedDissolutionOn;
    this.setUpBy = by;
    this.setUpAt = at;
  }

  void extend(LocalDate plannedOn, String reason, String by, Instant at) {
    extensions.add(new Extension(plannedDissolutionOn, plannedOn, reason, by, at));
    this.plannedDissolutionOn = plannedOn;
  }

  void dissolve(LocalDate on, String report, String by, Instant at) {
    this.dissolvedOn = on;
    this.report = report;
    this.dissolvedBy = by;
    this.dissolvedAt = at;
  }

  Long meetingId() {
    return meetingId;
  }

  String theme() {
    return theme;
  }

  String purpose() {
    return purpose;
  }

  LocalDate setUpOn() {
    return setUpOn;
  }

  LocalDate plannedDissolutionOn() {
    return plannedDissolutionOn;
  }

  LocalDate dissolvedOn() {
    return dissolvedOn;
  }

  String report() {
    return report;
  }

  List<String> members() {
    return List.copyOf(members);
  }

  List<Extension> extensions() {
    return List.copyOf(extensions);
  }

  /** One postponement of the planned dissolution, with its reason. */
  @Embeddable
  static class Extension {

    @Column(name = "previous_planned_on")
    private LocalDate previousPlannedOn;

    @Column(name = "planned_on")
    private LocalDate plannedOn;

    private String reason;

    @Column(name = "extended_by")
    private String extendedBy;

    @Column(name = "extended_at")
    private Instant extendedAt;

    protected Extension() {}

    Extension(LocalDate previousPlannedOn, LocalDate plannedOn, String reason, String extendedBy, Instant extendedAt) {
      this.previousPlannedOn = previousPlannedOn;
      this.plannedOn = plannedOn;
      this.reason = reason;
      this.extendedBy = extendedBy;
      this.extendedAt = extendedAt;
    }

    LocalDate previousPlannedOn() {
      return previousPlannedOn;
    }

    LocalDate plannedOn() {
      return plannedOn;
    }

    String reason() {
      return reason;
    }
  }
}
