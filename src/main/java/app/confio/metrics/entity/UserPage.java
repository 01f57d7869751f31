package app.confio.metrics.entity;

import app.confio.activity.entity.Policy;
import java.util.List;

/** A page of the eligible users active within {@code days} days, most recently active first. */
public record UserPage(
    Policy policy, int days, long total, int page, int size, List<ActiveUser> users) {}
