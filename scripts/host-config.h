/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Configuration for code built for the host rather than for a board: the rampart-img tool and
 * the unit tests. They carry every image-format feature so they can check any image, so each
 * option here is on. Board builds use include/generated/autoconf.h instead.
 */
#define CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256 1
#define CONFIG_BOOT_SIGNATURE_TYPE_ED25519 1
#define CONFIG_CRYPTO_BUILTIN 1
#define CONFIG_CRYPTO_SHA512 1
#define CONFIG_CRYPTO_ECDSA_P256 1
#define CONFIG_CRYPTO_ECDSA_P384 1
#define CONFIG_CRYPTO_ED25519 1
#define CONFIG_CRYPTO_X25519 1
#define CONFIG_CRYPTO_ECDH_P256 1
#define CONFIG_CRYPTO_RSA 1
#define CONFIG_CRYPTO_AES 1
#define CONFIG_CRYPTO_HMAC 1
#define CONFIG_CRYPTO_HKDF 1
#define CONFIG_IMAGE_MCUBOOT 1
#define CONFIG_LOG_LEVEL 3
#define CONFIG_BOOT_MULTI_IMAGE 1
#define CONFIG_BOOT_HW_ROLLBACK_PROT 1
