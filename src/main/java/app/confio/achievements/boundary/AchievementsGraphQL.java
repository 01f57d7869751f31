package app.confio.achievements.boundary;

import app.confio.achievements.control.Achievements;
import app.confio.achievements.entity.Achievement;
import app.confio.achievements.entity.AchievementEarned;
import app.confio.activity.boundary.TrackedAs;
import app.confio.activity.entity.ActivityKind;
import app.confio.users.boundary.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The caller's achievements, and claiming the ones that are claimed rather than awarded. */
@GraphQLApi
@RequestScoped
public class AchievementsGraphQL {

  @Inject Caller caller;
  @Inject Achievements achievements;

  @Name("EarnedAchievement")
  public record Earned(
      @NonNull Achievement code, @NonNull String title, @NonNull OffsetDateTime earnedAt) {
    static Earned of(AchievementEarned e) {
      return new Earned(e.code(), e.code().title(), e.createdAt());
    }
  }

  @Query
  @Description("The achievements the caller has earned, oldest first.")
  public @NonNull List<@NonNull Earned> myAchievements() {
    return achievements.of(caller.id()).stream().map(Earned::of).toList();
  }

  @Mutation
  @Transactional
  @Description(
      "Claims an achievement that is claimed rather than awarded (WELCOME, CONFIO_HOLDER).")
  @TrackedAs(ActivityKind.ACHIEVEMENT)
  public @NonNull Earned claimAchievement(@NonNull Achievement code) {
    return Earned.of(achievements.claim(caller.id(), code));
  }
}
