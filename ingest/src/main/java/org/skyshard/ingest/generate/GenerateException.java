package org.skyshard.ingest.generate;

/** A user error in the generator's input (options, schema, output directory): one line, no trace. */
public final class GenerateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GenerateException(String message) {
    super(message);
  }

  public GenerateException(String message, Throwable cause) {
    super(message, cause);
  }
}
