package app.confio.metrics.entity;

import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily snapshots of one policy over a range of reporting days, and the trend of each window.
 */
public record History(
    Policy policy,
    LocalDate from,
    LocalDate to,
    String zone,
    List<DaySnapshot> days,
    List<Trend> trends) {}
