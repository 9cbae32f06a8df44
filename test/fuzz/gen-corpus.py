#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""gen-corpus.py [SRCTREE]

Regenerates what the fuzz harnesses take from the test vectors, so that none of it is typed by
hand:

  test/fuzz/vectors.h         the trusted keys (SubjectPublicKeyInfo DER and its SHA-256), the
                              known-good signatures and the signed-region digests of every
                              known-good image (the only images fuzz_mcuboot lets validate pass)
  test/fuzz/corpus/<harness>/ the seed corpora: imgtool vectors, the small signed images of
                              test/fuzz/images/, and hostile shapes derived from them

Inputs: test/vectors/imgtool/ (images and PEM keys; `openssl pkey` extracts the public keys)
and test/fuzz/images/ (small images signed with the imgtool test keys by rampart-img, see
test/fuzz/README.md; good-*.bin must verify). Python 3 standard library and openssl only.
Deterministic: running it twice gives the same files.
"""
import hashlib
import os
import shutil
import struct
import subprocess
import sys

SRC = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
VEC = os.path.join(SRC, "test/vectors/imgtool")
FUZZ = os.path.join(SRC, "test/fuzz")
IMAGES = os.path.join(FUZZ, "images")
CORPUS = os.path.join(FUZZ, "corpus")

KEYHASH, PUBKEY, SHA256, SHA384 = 0x01, 0x02, 0x10, 0x11
RSA2048, ECDSA224, ECDSA_SIG, ED25519, SIG_PURE = 0x20, 0x21, 0x22, 0x24, 0x25
ENC_KW, DEPENDENCY, SEC_CNT, BOOT_RECORD = 0x31, 0x40, 0x50, 0x60
F_PIC, F_ENC128, F_NON_BOOTABLE, F_LZMA2 = 0x01, 0x04, 0x10, 0x400

# The imgtool vectors that a bootloader with the test keys must accept (README.md there).
GOOD_VECTORS = ["ecdsa-p256.bin", "ed25519.bin", "ecdsa-p256-prot-tlvs.bin",
                "ecdsa-p256-confirmed-padded.bin", "ecdsa-p256-test-padded.bin"]
# The unpadded vectors go into the corpus (the padded ones are 256 KiB each).
SEED_VECTORS = ["ecdsa-p256.bin", "ed25519.bin", "ecdsa-p256-prot-tlvs.bin",
                "ecdsa-p256-tampered.bin", "unsigned-sha256.bin", "rsa-2048.bin",
                "ed25519-enc-x25519.bin"]

P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
ED25519_L = 2**252 + 27742317777372353535851937790883648493
ED25519_P = 2**255 - 19

# fuzz_mcuboot's first input byte (see fuzz_mcuboot.c).
SHAPE_SLOT, SHAPE_EXACT, ERASED_ZERO, FIX_HASH, FAIL_READ = 0x00, 0x01, 0x02, 0x04, 0x08
FAIL_READ_SHIFT = 4


def read(path):
    with open(path, "rb") as f:
        return f.read()


def spki(pem):
    return subprocess.run(["openssl", "pkey", "-in", pem, "-pubout", "-outform", "DER"],
                          check=True, capture_output=True).stdout


class Image:
    """An MCUboot image: header+payload, protected and unprotected TLV lists, trailing bytes."""

    def __init__(self, data):
        self.hdr_size, self.prot_size, self.img_size = struct.unpack_from("<HHI", data, 8)
        tlv_off = self.hdr_size + self.img_size
        self.body = bytearray(data[:tlv_off])
        self.prot, off = self._area(data, tlv_off, 0x6908) if self.prot_size else ([], tlv_off)
        self.unprot, self.end = self._area(data, off, 0x6907)

    @staticmethod
    def _area(data, off, magic):
        m, total = struct.unpack_from("<HH", data, off)
        assert m == magic, "image layout not understood"
        tlvs, pos, end = [], off + 4, off + total
        while pos < end:
            t, n = struct.unpack_from("<HH", data, pos)
            tlvs.append([t, bytes(data[pos + 4:pos + 4 + n])])
            pos += 4 + n
        assert pos == end
        return tlvs, end

    def signed_len(self):
        return self.hdr_size + self.img_size + self.prot_size

    def get(self, t):
        return next(v for ty, v in self.unprot + self.prot if ty == t)

    def build(self, unprot=None, prot=None, body=None):
        """Bytes of the image with the given TLV lists (headers and totals recomputed)."""
        unprot = self.unprot if unprot is None else unprot
        prot = self.prot if prot is None else prot
        out = bytearray(self.body if body is None else body)
        pbody = b"".join(struct.pack("<HH", t, len(v)) + v for t, v in prot)
        struct.pack_into("<H", out, 10, len(pbody) + 4 if prot else 0)
        if prot:
            out += struct.pack("<HH", 0x6908, len(pbody) + 4) + pbody
        ubody = b"".join(struct.pack("<HH", t, len(v)) + v for t, v in unprot)
        return bytes(out + struct.pack("<HH", 0x6907, len(ubody) + 4) + ubody)


def sig_alg(img):
    types = [t for t, _ in img.unprot]
    if ECDSA_SIG in types:
        return "SIG_ECDSA_P256"
    if ED25519 in types:
        return "SIG_ED25519"
    raise SystemExit("known-good image without a signature")


def der_int(v):
    b = v.to_bytes(32, "big").lstrip(b"\0") or b"\0"
    if b[0] & 0x80:
        b = b"\0" + b
    return bytes([0x02, len(b)]) + b


def der_sig(r, s):
    body = der_int(r) + der_int(s)
    assert len(body) < 0x80
    return bytes([0x30, len(body)]) + body


def der_split(sig):
    """(r, s) of a strict DER ECDSA signature."""
    assert sig[0] == 0x30 and sig[1] == len(sig) - 2
    pos, out = 2, []
    for _ in range(2):
        assert sig[pos] == 0x02
        n = sig[pos + 1]
        out.append(int.from_bytes(sig[pos + 2:pos + 2 + n], "big"))
        pos += 2 + n
    return out


def c_array(name, data, static=True):
    lines = []
    for i in range(0, len(data), 12):
        lines.append("\t" + " ".join("0x%02x," % b for b in data[i:i + 12]))
    return "%sconst uint8_t %s[%d] = {\n%s\n};\n" % ("static " if static else "", name,
                                                   len(data), "\n".join(lines))


def c_bytes(data):
    rows = [", ".join("0x%02x" % b for b in data[i:i + 8]) for i in range(0, len(data), 8)]
    return "{ " + ",\n\t    ".join(rows) + " }"


# ---- vectors.h ---------------------------------------------------------------------------

def gen_vectors_h(keys, ecdsa, ed, goods):
    out = ["/* SPDX-License-Identifier: Apache-2.0 */",
           "/*",
           " * Test data for the fuzz harnesses, generated by test/fuzz/gen-corpus.py from",
           " * test/vectors/imgtool/ and test/fuzz/images/. Do not edit; rerun the script.",
           " * Every harness checks these against each other before fuzzing (fuzz_util.h).",
           " */",
           "#ifndef RAMPART_TEST_FUZZ_VECTORS_H",
           "#define RAMPART_TEST_FUZZ_VECTORS_H",
           "",
           "#include <stddef.h>",
           "#include <stdint.h>",
           "#include <rampart/crypto.h>",
           ""]
    for name, der in keys:
        ident = name.replace("-", "_")
        out.append("/* SubjectPublicKeyInfo of test/vectors/imgtool/keys/%s.pem */" % name)
        out.append(c_array("fv_%s_spki" % ident, der))
        out.append(c_array("fv_%s_spki_sha256" % ident, hashlib.sha256(der).digest()))
    out.append("/* ecdsa-p256.bin: its image digest (SHA256 TLV) and ECDSA_SIG TLV over it. */")
    out.append(c_array("fv_ecdsa_digest", ecdsa["digest"]))
    out.append(c_array("fv_ecdsa_sig", ecdsa["sig"]))
    out.append("/* The same signature with s replaced by n - s: also valid (malleability). */")
    out.append(c_array("fv_ecdsa_sig_neg_s", ecdsa["sig_neg"]))
    out.append("/* ed25519.bin: the signed message (its image digest) and the ED25519 TLV. */")
    out.append(c_array("fv_ed25519_msg", ed["msg"]))
    out.append(c_array("fv_ed25519_sig", ed["sig"]))
    out.append("/*")
    out.append(" * SHA-256 of the signed region (header, payload, protected TLVs) of every")
    out.append(" * known-good image, and the algorithm that signs it: the only regions")
    out.append(" * mcuboot_validate() may accept under the test keys.")
    out.append(" */")
    out.append("struct fv_good_image {")
    out.append("\tconst char *name;")
    out.append("\tenum sig_alg alg;")
    out.append("\tuint8_t signed_sha256[32];")
    out.append("};")
    out.append("")
    out.append("static const struct fv_good_image fv_good_images[] = {")
    for name, alg, digest in goods:
        out.append("\t{ \"%s\", %s," % (name, alg))
        out.append("\t  %s }," % c_bytes(digest))
    out.append("};")
    out.append("")
    out.append("#endif")
    return "\n".join(out) + "\n"


# ---- corpora -----------------------------------------------------------------------------

def hostile_images(ec, ed, ecp, edp):
    """(name, bytes) of malformed images derived from the small good ones."""
    e, d = Image(ec), Image(ed)
    ep = Image(ecp)
    out = []

    def hdr_patch(data, fmt, off, val):
        b = bytearray(data)
        struct.pack_into(fmt, b, off, val)
        return bytes(b)

    # Truncations: in the header, at the payload end, inside both infos and the last TLV.
    tlv_off = e.hdr_size + e.img_size
    for n in (0, 16, 31, 32, tlv_off, tlv_off + 2, tlv_off + 6, len(ec) - 1):
        out.append(("trunc-%04d" % n, ec[:n]))
    out.append(("erased", b"\xff" * 64))
    out.append(("zeros", b"\0" * 64))
    out.append(("magic-only", ec[:4]))
    # Header fields.
    out.append(("img-size-overflow", hdr_patch(ec, "<I", 12, 0xffffffff)))
    out.append(("img-size-past-slot", hdr_patch(ec, "<I", 12, 0x40000)))
    out.append(("hdr-size-max", hdr_patch(ec, "<H", 8, 0xffff)))
    out.append(("hdr-size-zero", hdr_patch(ec, "<H", 8, 0)))
    out.append(("prot-size-without-info", hdr_patch(ec, "<H", 10, 8)))
    out.append(("prot-size-max", hdr_patch(ecp, "<H", 10, 0xffff)))
    out.append(("prot-size-short", hdr_patch(ecp, "<H", 10, 3)))
    b = bytearray(hdr_patch(ecp, "<H", 10, 3))
    struct.pack_into("<H", b, ep.hdr_size + ep.img_size + 2, 3)
    out.append(("prot-size-and-total-3", bytes(b)))
    out.append(("prot-info-without-size", hdr_patch(ecp, "<H", 10, 0)))
    for name, flag in (("non-bootable", F_NON_BOOTABLE), ("pic", F_PIC),
                       ("encrypted", F_ENC128), ("compressed", F_LZMA2)):
        out.append(("flag-" + name, hdr_patch(ec, "<I", 16, flag)))
    # TLV area layout.
    b = bytearray(ec)
    struct.pack_into("<H", b, tlv_off + 2, len(ec) - tlv_off - 1)
    out.append(("unprot-total-short", bytes(b)))
    struct.pack_into("<H", b, tlv_off + 2, len(ec) - tlv_off + 1)
    out.append(("unprot-total-long", bytes(b)))
    struct.pack_into("<H", b, tlv_off + 2, 3)
    out.append(("unprot-total-tiny", bytes(b)))
    struct.pack_into("<H", b, tlv_off + 2, 0xffff)
    out.append(("unprot-total-max", bytes(b)))
    b = bytearray(ec)
    struct.pack_into("<H", b, tlv_off + 6, 0xfff0)
    out.append(("tlv-len-past-area", bytes(b)))
    pt = ep.hdr_size + ep.img_size
    b = bytearray(ecp)
    struct.pack_into("<H", b, pt + 6, 0x7fff)
    out.append(("prot-tlv-len-past-area", bytes(b)))
    # A 2-byte fragment of a TLV header ends the protected area.
    grown = (bytes(ecp[:pt]) + struct.pack("<HH", 0x6908, ep.prot_size + 2) +
             bytes(ecp[pt + 4:pt + ep.prot_size]) + b"\x50\x00" + bytes(ecp[pt + ep.prot_size:]))
    out.append(("prot-tlv-header-past-area", hdr_patch(grown, "<H", 10, ep.prot_size + 2)))
    # Hash TLVs.
    h = e.get(SHA256)
    others = [t for t in e.unprot if t[0] != SHA256]
    out.append(("missing-hash", e.build(unprot=others)))
    out.append(("two-hashes", e.build(unprot=[[SHA256, h]] + e.unprot)))
    out.append(("short-hash", e.build(unprot=[[SHA256, h[:31]]] + others)))
    out.append(("sha384-hash", e.build(unprot=[[SHA384, h + h[:16]]] + others)))
    # Signatures and key TLVs.
    kh, sig = e.get(KEYHASH), e.get(ECDSA_SIG)
    edkh, edsig = d.get(KEYHASH), d.get(ED25519)

    def ec_sig(sig_value, key=(KEYHASH, kh)):
        return e.build(unprot=[[SHA256, h], list(key), [ECDSA_SIG, sig_value]])

    out.append(("sig-before-keyhash",
                e.build(unprot=[[SHA256, h], [ECDSA_SIG, sig], [KEYHASH, kh]])))
    out.append(("unknown-keyhash-then-good",
                e.build(unprot=[[SHA256, h], [KEYHASH, bytes(32)], [ECDSA_SIG, sig],
                                [KEYHASH, kh], [ECDSA_SIG, sig], [ENC_KW, bytes(24)]])))
    out.append(("bad-sig-then-good",
                e.build(unprot=[[SHA256, h], [KEYHASH, kh], [ECDSA_SIG, sig[:-1] + b"\0"],
                                [KEYHASH, kh], [ECDSA_SIG, sig]])))
    out.append(("keyhash-short", ec_sig(sig, (KEYHASH, kh[:31]))))
    out.append(("ecdsa-sig-zero-padded", ec_sig(sig + bytes(72 - len(sig)))))
    out.append(("ecdsa-sig-nonzero-pad", ec_sig(sig + bytes(71 - len(sig)) + b"\1")))
    out.append(("ecdsa-sig-73", ec_sig(sig + bytes(73 - len(sig)))))
    out.append(("ecdsa-sig-not-der", ec_sig(b"\x31" + sig[1:])))
    out.append(("ecdsa-sig-under-ed25519-key", ec_sig(sig, (KEYHASH, edkh))))
    out.append(("pubkey-too-long", ec_sig(sig, (PUBKEY, bytes(129)))))
    out.append(("ed25519-sig-63", d.build(unprot=[[SHA256, d.get(SHA256)], [KEYHASH, edkh],
                                                  [ED25519, edsig[:63]]])))
    for name, t in (("rsa", RSA2048), ("ecdsa224", ECDSA224), ("sig-pure", SIG_PURE),
                    ("boot-record", BOOT_RECORD)):
        out.append(("unprot-" + name, e.build(unprot=e.unprot + [[t, bytes(8)]])))
    # Protected TLVs.
    dep = bytes([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    out.append(("prot-sec-cnt-short", e.build(prot=[[SEC_CNT, b"\1\0\0"]])))
    out.append(("prot-two-sec-cnt", e.build(prot=[[SEC_CNT, b"\1\0\0\0"], [SEC_CNT, b"\2\0\0\0"]])))
    out.append(("prot-five-deps", e.build(prot=[[DEPENDENCY, dep]] * 5)))
    out.append(("prot-dep-short", e.build(prot=[[DEPENDENCY, dep[:11]]])))
    return out


def write_corpus(harness, files):
    d = os.path.join(CORPUS, harness)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for name, data in files:
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


def mcuboot_corpus(good_small, other_small):
    files = []
    # The unpadded imgtool vectors, alternating the two area shapes.
    for i, name in enumerate(SEED_VECTORS):
        shape = SHAPE_EXACT if i % 2 else SHAPE_SLOT
        files.append(("%s-%s" % ("exact" if shape else "slot", name),
                      bytes([shape]) + read(os.path.join(VEC, name))))
    # The small images in both shapes; the good ones also with erased 0x00 and read faults.
    for name, data in good_small + other_small:
        files.append(("slot-" + name, bytes([SHAPE_SLOT]) + data))
        files.append(("exact-" + name, bytes([SHAPE_EXACT]) + data))
    for name, data in good_small[:2]:
        files.append(("slot-erased00-" + name, bytes([SHAPE_SLOT | ERASED_ZERO]) + data))
    # Every read that the selector can fail, in an image with every kind of TLV read.
    for name, data in good_small[:1]:
        for n in range(16):
            files.append(("exact-failread%02d-%s" % (n, name),
                          bytes([SHAPE_EXACT | FAIL_READ | n << FAIL_READ_SHIFT]) + data))
    small = dict(good_small)
    hostile = hostile_images(small["good-ecdsa-p256.bin"], small["good-ed25519.bin"],
                             small["good-ecdsa-p256-prot-pubkey.bin"],
                             small["good-ed25519-prot-pubkey.bin"])
    # Hostile shapes in both area shapes, half of them with the hash TLV fixed up.
    for i, (name, data) in enumerate(hostile):
        sel = (SHAPE_EXACT if i % 2 else SHAPE_SLOT) | (FIX_HASH if i % 4 >= 2 else 0)
        files.append(("%s%s-hostile-%s.bin" % ("exact" if sel & SHAPE_EXACT else "slot",
                                              "-fixhash" if sel & FIX_HASH else "", name),
                      bytes([sel]) + data))
    # Payload edits with the hash fixed up: they must stop at the signature.
    for name, data in good_small:
        b = bytearray(data)
        b[40] ^= 1
        files.append(("slot-fixhash-payload-edit-" + name, bytes([FIX_HASH]) + bytes(b)))
    write_corpus("fuzz_mcuboot", files)


def spki_corpus(keys):
    ec = dict(keys)["ecdsa-p256"]
    edk = dict(keys)["ed25519"]
    rsa = spki(os.path.join(VEC, "keys/rsa-2048.pem"))
    x25519 = subprocess.run(["openssl", "pkey", "-pubin", "-in",
                             os.path.join(VEC, "keys/x25519-pub.pem"), "-pubout", "-outform",
                             "DER"], check=True, capture_output=True).stdout
    point = ec[-65:]
    files = [("ecdsa-p256.der", ec), ("ed25519.der", edk), ("rsa-2048.der", rsa),
             ("x25519.der", x25519)]
    # Compressed point: BIT STRING of 34 bytes.
    comp = bytes([0x02 | (point[-1] & 1)]) + point[1:33]
    files.append(("ec-compressed.der", bytes([0x30, 0x39]) + ec[2:23] +
                  bytes([0x03, 0x22, 0x00]) + comp))
    files.append(("ec-secp384r1.der", ec[:17] + bytes([0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22])
                  + ec[27:]))
    files.append(("ec-no-params.der", bytes([0x30, 0x4f, 0x30, 0x09]) + ec[4:13] + ec[23:]))
    files.append(("ec-unused-bits.der", ec[:25] + b"\x01" + ec[26:]))
    files.append(("ec-outer-long-form.der", bytes([0x30, 0x81, 0x59]) + ec[2:]))
    files.append(("ec-trailing-byte.der", ec + b"\0"))
    files.append(("ec-truncated.der", ec[:-1]))
    files.append(("ed25519-null-params.der",
                  bytes([0x30, 0x2c, 0x30, 0x07]) + edk[4:9] + b"\x05\x00" + edk[9:]))
    files.append(("ed25519-key-31.der", bytes([0x30, 0x29]) + edk[2:10] +
                  bytes([0x03, 0x20]) + edk[12:-1]))
    write_corpus("fuzz_spki", files)


def ecdsa_corpus(ecdsa, ec_spki):
    sig, r, s = ecdsa["sig"], ecdsa["r"], ecdsa["s"]
    pub = ec_spki[-65:]
    bad_pub = pub[:-1] + bytes([pub[-1] ^ 1])
    files = [("sig.der", sig), ("sig-neg-s.der", ecdsa["sig_neg"]),
             ("pub-sig.bin", pub + sig), ("pub-off-curve-sig.bin", bad_pub + sig)]
    files.append(("r-zero.der", der_sig(0, s)))
    files.append(("s-zero.der", der_sig(r, 0)))
    files.append(("r-n.der", der_sig(P256_N, s)))
    files.append(("s-n.der", der_sig(r, P256_N)))
    files.append(("s-n-minus-1.der", der_sig(r, P256_N - 1)))
    ri = der_int(r)
    body = sig[2:]
    files.append(("r-extra-zero.der", bytes([0x30, len(body) + 1, 0x02, ri[1] + 1, 0]) +
                  ri[2:] + body[len(ri):]))
    files.append(("r-negative.der", bytes([0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01])))
    files.append(("r-33-bytes.der", bytes([0x30, 0x26, 0x02, 0x21, 0x01]) + bytes(32) +
                  bytes([0x02, 0x01, 0x01])))
    files.append(("seq-long-form.der", bytes([0x30, 0x81, len(body)]) + body))
    files.append(("seq-indefinite.der", bytes([0x30, 0x80]) + body + b"\0\0"))
    files.append(("trailing-byte.der", sig + b"\0"))
    files.append(("int-empty.der", bytes([0x30, 0x04, 0x02, 0x00, 0x02, 0x00])))
    files.append(("len-two-bytes.der", bytes([0x30, 0x82, 0x01, 0x00]) + bytes(256)))
    write_corpus("fuzz_ecdsa_der", files)


def ed25519_corpus(ed, ed_spki):
    pub, sig, msg = ed_spki[-32:], ed["sig"], ed["msg"]
    s_plus_l = (int.from_bytes(sig[32:], "little") + ED25519_L) % 2**256
    identity = b"\x01" + bytes(31)
    files = [("key-sig-msg.bin", pub + sig + msg), ("sig.bin", sig), ("key.bin", pub)]
    files.append(("key-sig-msg-s-plus-l.bin",
                  pub + sig[:32] + s_plus_l.to_bytes(32, "little") + msg))
    files.append(("sig-s-is-l.bin", sig[:32] + ED25519_L.to_bytes(32, "little")))
    # Small-order key with R = identity, S = 0: valid for every message (RFC 8032 allows it).
    files.append(("identity-key-sig.bin", identity + identity + bytes(32) + msg))
    files.append(("key-y-is-p.bin", ED25519_P.to_bytes(32, "little")))
    files.append(("key-x0-sign1.bin", (1 | 1 << 255).to_bytes(32, "little")))
    files.append(("key-sig-empty-msg.bin", pub + sig))
    write_corpus("fuzz_ed25519", files)


def main():
    keys = [(n, spki(os.path.join(VEC, "keys/%s.pem" % n))) for n in ("ecdsa-p256", "ed25519")]

    e = Image(read(os.path.join(VEC, "ecdsa-p256.bin")))
    sig = e.get(ECDSA_SIG)
    r, s = der_split(sig)
    ecdsa = {"digest": e.get(SHA256), "sig": sig, "sig_neg": der_sig(r, P256_N - s),
             "r": r, "s": s}
    assert der_sig(r, s) == sig
    d = Image(read(os.path.join(VEC, "ed25519.bin")))
    ed = {"msg": d.get(SHA256), "sig": d.get(ED25519)}

    good_small, other_small = [], []
    for name in sorted(os.listdir(IMAGES)):
        (good_small if name.startswith("good-") else other_small).append(
            (name, read(os.path.join(IMAGES, name))))

    goods, seen = [], set()
    for name, data in [(n, read(os.path.join(VEC, n))) for n in GOOD_VECTORS] + good_small:
        img = Image(data)
        digest = hashlib.sha256(data[:img.signed_len()]).digest()
        assert digest == img.get(SHA256), name
        if (digest, sig_alg(img)) not in seen:
            seen.add((digest, sig_alg(img)))
            goods.append((name, sig_alg(img), digest))

    with open(os.path.join(FUZZ, "vectors.h"), "w") as f:
        f.write(gen_vectors_h(keys, ecdsa, ed, goods))
    mcuboot_corpus(good_small, other_small)
    spki_corpus(keys)
    ecdsa_corpus(ecdsa, dict(keys)["ecdsa-p256"])
    ed25519_corpus(ed, dict(keys)["ed25519"])


if __name__ == "__main__":
    main()
