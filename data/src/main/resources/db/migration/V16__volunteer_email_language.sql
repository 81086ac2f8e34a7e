-- A volunteer's e-mail address (for the mail sent when a plan with their trips is published or their trips change;
-- none: no mail) and the language they read (ja or en) for those mails.
ALTER TABLE volunteer
    ADD COLUMN email    text
        CONSTRAINT volunteer_email_format CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$')),
    ADD COLUMN language text NOT NULL DEFAULT 'ja'
        CONSTRAINT volunteer_language CHECK (language IN ('ja', 'en'));
