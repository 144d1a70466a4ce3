package dev.rootbot.bot.store;

/** The store could not do what was asked: the database failed, or the request was not in a fitting state. */
public final class StoreFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreFailure(String message) {
    super(message);
  }

  public StoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
