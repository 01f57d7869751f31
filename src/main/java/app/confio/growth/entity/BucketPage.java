package app.confio.growth.entity;

import app.confio.activity.entity.Policy;
import app.confio.metrics.entity.ActiveUser;
import java.util.List;

/** A page of the users behind one lifecycle number: one bucket of one period, by id. */
public record BucketPage(
    Policy policy,
    String period,
    String lifecycle,
    long total,
    int page,
    int size,
    List<ActiveUser> users) {}
