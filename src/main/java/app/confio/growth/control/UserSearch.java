package app.confio.growth.control;

import static app.confio.metrics.control.ActiveUserList.time;

import app.confio.growth.entity.UserMatch;
import app.confio.platform.InvalidInputException;
import app.confio.platform.Reads;
import app.confio.users.entity.Eligibility;
import app.confio.users.entity.Phone;
import app.confio.users.entity.UserKind;
import app.confio.users.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a user by what an operator has at hand: the id (digits only) or the phone number in
 * international form, typed as people type it ("+58 412-555 0101"). Exact matches only: this is a
 * lookup, not a directory search, and a phone number is unique.
 */
@ApplicationScoped
public class UserSearch {

  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  static final String BY_ID =
      "select id, phone, display_name, status, kind, last_activity_at from users where id = ?1";

  static final String BY_PHONE =
      "select id, phone, display_name, status, kind, last_activity_at from users where phone = ?1";

  @Inject Reads reads;

  /** The query's meaning, checked: an id, or a phone number. Anything else is refused. */
  public sealed interface Query {
    record ById(long id) implements Query {}

    record ByPhone(Phone phone) implements Query {}

    static Query parse(String text) {
      if (text == null || text.isBlank()) {
        throw new InvalidInputException(
            "q must be a user id or a phone number such as +584125550101");
      }
      var query = text.strip();
      if (ID.matcher(query).matches()) {
        var id = Long.parseLong(query);
        if (id > 0) {
          return new ById(id);
        }
      }
      if (query.startsWith("+")) {
        return new ByPhone(Phone.parse(query));
      }
      throw new InvalidInputException(
          "q must be a user id or a phone number such as +584125550101, not '" + query + "'");
    }
  }

  public List<UserMatch> find(Query query) {
    var rows =
        query instanceof Query.ById byId
            ? reads.rows(BY_ID, byId.id())
            : reads.rows(BY_PHONE, ((Query.ByPhone) query).phone().value());
    return rows.stream().map(UserSearch::match).toList();
  }

  public Optional<UserMatch> first(String text) {
    return find(Query.parse(text)).stream().findFirst();
  }

  private static UserMatch match(Object[] row) {
    var status = (String) row[3];
    var kind = (String) row[4];
    return new UserMatch(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        status,
        kind,
        Eligibility.test(UserStatus.valueOf(status), UserKind.valueOf(kind)),
        time(row[5]));
  }
}
