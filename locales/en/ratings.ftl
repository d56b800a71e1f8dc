## Ratings: the questionnaire after a transaction, requests and reminders, /hailong figures.

rating-button-rate = Rate now
rating-button-skip = Skip
rating-button-complain = Send feedback about this dossier
rating-request = The result of dossier { $code } ({ $procedure }) has been handed back{ $outcome ->
    [early] , early
    [on_time] , on time
    [late] . We apologise that it was late
   *[other] {""}
}. Please take a minute to rate the service; your opinion helps the commune serve you better.
rating-reminder = A gentle reminder: you have not rated the handling of dossier { $code } ({ $procedure }) yet. It takes one minute, and this is the only reminder.
rating-intro = Rating the handling of dossier { $code }.
rating-not-yet = The result has not been handed back yet, so it cannot be rated. Follow the dossier and you will be invited to rate once you have the result.
rating-already = This dossier has already been rated. Thank you!
rating-not-follower = This button is not for your account. To rate, open the link or send the code printed on your dossier receipt.
rating-use-buttons = Please choose one of the buttons below (send /huy to stop).
rating-comment-too-long = The comment is longer than { $max } characters; please shorten it.
rating-thanks = Thank you for rating! Your opinion has been recorded.
rating-thanks-concern = Thank you for your frank rating. { $extra ->
    [yes] Asking for extra money is against the rules; the commune's leaders have been alerted.
   *[other] The commune's leaders have been alerted.
} If you wish, you can send detailed feedback; how it is handled will be published without naming you.
rating-thanks-concern-held = Thank you for your frank rating. { $extra ->
    [yes] Asking for extra money is against the rules.
   *[other] {""}
} No manager of this commune receives messages through this service yet, so your rating is kept and will be handed to the first manager who joins. You can send detailed feedback now (button below), or tell the commune's one-stop desk in person.

rating-alert = Rating alert: dossier { $code } ({ $procedure }, { $commune }) — { $reasons }.{ $hasComment ->
    [yes] {" "}Comment: "{ $comment }"
   *[other] {""}
}
    Please look into it and answer the citizen.

rating-import-created = Saved questionnaire { $key }: { $count } questions. To ask it, set RATING_QUESTIONNAIRE={ $key } and restart the service.
rating-import-unchanged = Questionnaire { $key } is already saved, identical to the file: nothing changed.
rating-cmd-hailong = satisfaction figures: /hailong [commune code] [2026-03 | quý 1/2026 | H1 2026]
rating-hailong-no-scope = Your account has no commune assigned yet, so there are no figures to show.
rating-hailong-out-of-scope = Sorry, { $role ->
    [official] officials can only see the figures of their own commune
   *[other] { $commune } is outside the area assigned to you
}, so I cannot show the figures of { $commune }.
rating-hailong-usage = I did not understand "{ $input }". Usage: /hailong [commune code] [period], where the period is a month (2026-03 or 3/2026), a quarter (q1 2026), a half-year (H1 2026, first half 2026) or a year (2026). Without a period: this month.
rating-hailong-many = { $count } communes
rating-period = { $kind ->
    [month] { $month }/{ $year }
    [quarter] Q{ $index } { $year }
    [half] { $index ->
        [1] first half of { $year }
       *[other] second half of { $year }
    }
   *[other] year { $year }
}
rating-figure-none = n/a
rating-figures =
    Satisfaction — { $title }, { $period }
    Dossiers handed back: { $returned }
      • early: { $early } ({ $earlyPct })
      • on time: { $onTime } ({ $onTimePct })
      • late: { $late } ({ $latePct })
    Ratings: { $rated } (rating rate { $ratingRatePct }), on the national 3-level scale:
      • very satisfied: { $verySatisfied } ({ $verySatisfiedPct })
      • satisfied: { $satisfied } ({ $satisfiedLevelPct })
      • not satisfied: { $unsatisfied } ({ $unsatisfiedPct })
    Satisfied (very satisfied + satisfied): { $satisfiedPct }
    Reports of being hinted to pay extra: { $extra }

## Charts sent with /hailong and on the public page

rating-level-very_satisfied = Very satisfied
rating-level-satisfied = Satisfied
rating-level-unsatisfied = Not satisfied
chart-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}{ $withYear ->
    [yes] {" "}{ $year }
   *[no] {""}
}
chart-satisfied = Satisfied (very satisfied + satisfied)
chart-in-time = Results returned on time
chart-level-share = { $count } · { $pct }%
chart-satisfaction-title = Satisfaction — { $title }
chart-satisfaction-subtitle = { $period } · { $rated } ratings, national 3-level scale
chart-satisfaction-levels = Share of each level
chart-satisfaction-trend = Satisfied, month by month (%)
chart-satisfaction-alt = Satisfaction chart of { $title }, { $period }: { $rated } ratings, { $satisfiedPct }% satisfied, { $unsatisfiedPct }% not satisfied.
