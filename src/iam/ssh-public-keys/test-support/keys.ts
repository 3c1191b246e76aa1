// Test fixtures made with ssh-keygen for these tests only. Public keys only.

/** An RSA 2048 public key in OpenSSH format, with a comment. */
export const SSH_KEY =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCTXlQn3n9Ss0z88PRAN6Ewxu7EM3vd/toUlsdHBBTyS45wteiViwykHlQX+SoHANJJxuqnQvar3DURG0jUx/gIlRNGtz4ML1+jVqhTWa4EaJzHo0KYMZgZsDI5AheqHhItlIygMBiMXBW4xxHohCPEFCS/72oOwjCiMGvdd5P3ULoj/VpQ3UHtUU2QAGJmLupPvJuVMucoRURjCqfye9nM8As+KwIAPk66MbOZ0twnX+LE5TX5WGnPYmq75xY0AlD91awfk+pKIjVopMg9qK4qgBHOm5Igi7pGquU22KbnUbDYRCmS8VA1gbh1l5U7bsKygYCIJeeVX/N7m+cJ9B+1 alice@example.com';

/** SSH_KEY's MD5 fingerprint, as `ssh-keygen -l -E md5` prints it. */
export const SSH_KEY_FINGERPRINT = 'f5:e8:64:f0:63:bf:a9:56:a5:25:b0:86:7a:cc:b7:33';

/** SSH_KEY as a PEM (SubjectPublicKeyInfo) public key, as `ssh-keygen -e -m PKCS8` prints it. */
export const SSH_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk15UJ95/UrNM/PD0QDeh
MMbuxDN73f7aFJbHRwQU8kuOcLXolYsMpB5UF/kqBwDSScbqp0L2q9w1ERtI1Mf4
CJUTRrc+DC9fo1aoU1muBGicx6NCmDGYGbAyOQIXqh4SLZSMoDAYjFwVuMcR6IQj
xBQkv+9qDsIwojBr3XeT91C6I/1aUN1B7VFNkABiZi7qT7yblTLnKEVEYwqn8nvZ
zPALPisCAD5OujGzmdLcJ1/ixOU1+Vhpz2Jqu+cWNAJQ/dWsH5PqSiI1aKTIPaiu
KoARzpuSIIu6RqrlNtim51Gw2EQpkvFQNYG4dZeVO27CsoGAiCXnlV/ze5vnCfQf
tQIDAQAB
-----END PUBLIC KEY-----
`;

/** Another RSA 2048 public key. */
export const OTHER_SSH_KEY =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDGMg8pY9l/UH3YAzlcDfu1ddYWGSlmU5NHozQkVE2nC/O9vDJfOLhazx8QngUKdFw2bMSx5sVtjpfuIZXpZK8mjqxGsjVXTelqDyvYvVSkgJ/7vlHitANnWJCrRSIFFFfoLh6kBEfKeUvVJq968188DPOVA4a6ShubURhe7SNPmzKGjZjH/YgnC7OdcMcrKriOYWeHhc+gtWhqc+HxAjGi1bXinwQ0XneSylHeWhuwYrhIEgZABI2yt9lHCYOYp40NJTUoEr3iVb2qG0bR2lA4DR5g8nb2vMV6KTCIsmD/aYjLAzHWT8rN73NHld7yYnt64TuY7/gnWLepE3xiiE2H root@vm';

/** An RSA public key of only 1024 bits. */
export const SMALL_SSH_KEY =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCmIzcXXqQl99bDB/7YWN6pkEY4csCEXWmzzIluYjdpNbIohtCyewLSemGU9xkYx9Toet1f/soLPJeCm3ojOWYwvFAFwfplG7/lAjgdcFFyDGD1WFii5MKxKJeLf7KHZXsiT1f5dQZbb7CmEYZAbDPb8V8Lp69E7PMbVQVdnfqNiw== root@vm';

/** An Ed25519 public key. */
export const ED25519_SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBs/+9HxS2S4+E/r3f6FUWJCs4j3UVMuCY8e3L3DyL7T root@vm';
