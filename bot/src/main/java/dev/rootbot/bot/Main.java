package dev.rootbot.bot;

/** Starts Rootbot. */
public final class Main {
  public static void main(String[] args) {
    System.out.println("rootbot");
  }
}
