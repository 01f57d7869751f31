package app.confio.growth.entity;

import app.confio.activity.entity.Policy;
import app.confio.metrics.entity.ActiveUser;
import java.util.List;
import java.util.Map;

/**
 * A page of the users behind one number of a retention or stickiness report, by id. {@code
 * selection} names the number as the report does (the cohort and cell, or the window and days).
 */
public record MemberPage(
    Policy policy,
    Map<String, String> selection,
    long total,
    int page,
    int size,
    List<ActiveUser> users) {}
