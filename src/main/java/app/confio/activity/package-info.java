/**
 * Activity tracking: the one code path that writes {@code users.last_activity_at} (app-active) and
 * {@code users.last_transaction_at} (transacting), and the per-day history in {@code
 * user_activity_day}. Every authenticated GraphQL mutation is tracked by an interceptor that a CDI
 * extension binds to every {@code @GraphQLApi} class; committed money movements, logins and session
 * refreshes are tracked explicitly. A cluster-wide claim in Hazelcast lets each user cause at most
 * one write per policy per cooldown window, and one history write per policy per day (the first
 * touch of a day writes it, whatever the window). Nothing done under an {@code act} token (a staff
 * member acting for a user) is anyone's activity. Activity recorded elsewhere (the backfill) goes
 * through the same component, as one set-based replay per chunk of users.
 */
package app.confio.activity;
