package dev.rootbot.sandbox;

/** Runs a sandbox stand-in from the command line. */
public final class Main {
  public static void main(String[] args) {
    System.out.println("sandbox");
  }
}
