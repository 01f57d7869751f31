package app.confio.users.control;

import app.confio.users.entity.User;

/** What a successful sign-in or refresh hands back. */
public record Grant(User user, String accessToken, long expiresIn, String refreshToken) {}
