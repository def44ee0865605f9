package org.skyshard.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of the wire values: a {@link Fragment} is a Flight ticket holding its JSON
 * (UTF-8), and the DoAction bodies and results are JSON too. Unknown fields are ignored so
 * either side can add optional fields.
 */
public final class FragmentCodec {
  private final ObjectMapper json = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The ticket bytes of a fragment. */
  public byte[] toTicket(Fragment f) {
    return write(f);
  }

  /** The fragment a ticket holds; {@link IllegalArgumentException} when it is not one. */
  public Fragment fromTicket(byte[] ticket) {
    return read(ticket, Fragment.class);
  }

  /** Any wire value as JSON bytes. */
  public byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a wire value; {@link IllegalArgumentException} with the parser's reason when bad. */
  public <T> T read(byte[] bytes, Class<T> type) {
    try {
      return json.readValue(bytes, type);
    } catch (IOException e) {
      Throwable c = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": "
          + c.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
