-- What a recipient facility asks for in a month, and the days it serves meals.

CREATE TABLE recipient_need (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_id      bigint NOT NULL REFERENCES region,
    recipient_id   bigint NOT NULL,
    recipient_role text GENERATED ALWAYS AS ('RECIPIENT') STORED,
    month          date   NOT NULL
        CONSTRAINT recipient_need_month_first_day CHECK (extract(day FROM month) = 1),
    ambient_grams  bigint NOT NULL DEFAULT 0
        CONSTRAINT recipient_need_ambient_not_negative CHECK (ambient_grams >= 0),
    chilled_grams  bigint NOT NULL DEFAULT 0
        CONSTRAINT recipient_need_chilled_not_negative CHECK (chilled_grams >= 0),
    frozen_grams   bigint NOT NULL DEFAULT 0
        CONSTRAINT recipient_need_frozen_not_negative CHECK (frozen_grams >= 0),
    CONSTRAINT recipient_need_is_of_a_recipient
        FOREIGN KEY (region_id, recipient_id, recipient_role) REFERENCES site (region_id, id, role),
    CONSTRAINT recipient_need_unique UNIQUE (recipient_id, month),
    CONSTRAINT recipient_need_month_key UNIQUE (id, month)
);

CREATE TABLE serving_day (
    need_id bigint NOT NULL,
    month   date   NOT NULL,
    day     date   NOT NULL,
    CONSTRAINT serving_day_in_month CHECK (date_trunc('month', day)::date = month),
    CONSTRAINT serving_day_of_need FOREIGN KEY (need_id, month) REFERENCES recipient_need (id, month) ON DELETE CASCADE,
    PRIMARY KEY (need_id, day)
);
