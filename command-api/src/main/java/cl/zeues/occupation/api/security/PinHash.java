package cl.zeues.occupation.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A worker's PIN as the PIN file stores it, never in clear: {@code {sha256}<64 hex digits>} (the
 * SHA-256 of the PIN's UTF-8 bytes) or {@code {bcrypt}<$2a$/$2b$/$2y$ hash>}. Both compare in
 * constant time (SHA-256 digests with {@link MessageDigest#isEqual}; bcrypt's own check).
 */
sealed interface PinHash {

  String SHA256 = "{sha256}";
  String BCRYPT = "{bcrypt}";
  Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./0-9A-Za-z]{53}");

  boolean matches(String pin);

  /**
   * @throws IllegalArgumentException when {@code stored} is neither form (the message never repeats
   *     the value: it may be a PIN written in clear by mistake)
   */
  static PinHash parse(String stored) {
    String value = stored.strip();
    if (value.startsWith(SHA256)
        && SHA256_HEX.matcher(value.substring(SHA256.length())).matches()) {
      return new Sha256(HexFormat.of().parseHex(value.substring(SHA256.length())));
    }
    if (value.startsWith(BCRYPT)
        && BCRYPT_HASH.matcher(value.substring(BCRYPT.length())).matches()) {
      return new Bcrypt(value.substring(BCRYPT.length()));
    }
    throw new IllegalArgumentException(
        "not a PIN hash: expected {sha256}<64 hex digits> or {bcrypt}<bcrypt hash>");
  }

  static byte[] sha256(String pin) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(pin.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  record Sha256(byte[] digest) implements PinHash {
    @Override
    public boolean matches(String pin) {
      return MessageDigest.isEqual(digest, sha256(pin));
    }
  }

  record Bcrypt(String hash) implements PinHash {
    @Override
    public boolean matches(String pin) {
      return BCrypt.checkpw(pin, hash);
    }
  }
}
