package org.skyshard.schema;

/** A Felis file that cannot be read or does not describe a valid schema. The message names the file. */
public class SchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaException(String message) {
    super(message);
  }

  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
