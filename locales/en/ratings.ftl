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

rating-q-overall = Overall, how satisfied are you with how your dossier was handled?
rating-a-overall-4 = Very satisfied
rating-a-overall-3 = Satisfied
rating-a-overall-2 = Neutral
rating-a-overall-1 = Not satisfied
rating-q-timeliness = When did you get the result, compared with the promised date?
rating-a-timeliness-early = Earlier than promised
rating-a-timeliness-on_time = On the promised date
rating-a-timeliness-late_notified = Late, with notice and an apology
rating-a-timeliness-late_unnotified = Late, without notice
rating-q-attitude = How was the attitude of the officials who received and returned it?
rating-a-attitude-4 = Very courteous and helpful
rating-a-attitude-3 = Courteous
rating-a-attitude-2 = Neutral
rating-a-attitude-1 = Disrespectful, arrogant or obstructive
rating-q-guidance = Was the guidance on documents and steps clear?
rating-a-guidance-4 = Very clear and complete
rating-a-guidance-3 = Clear
rating-a-guidance-2 = Acceptable
rating-a-guidance-1 = Unclear, I had to come back several times
rating-q-extra = Were you asked or hinted to pay anything beyond the official fees?
rating-a-extra-yes = Yes
rating-a-extra-no = No
rating-q-comment = Anything else you would like to tell us? Type it, or press "Skip".

rating-alert = Rating alert: dossier { $code } ({ $procedure }, { $commune }) — { $overall ->
    [1] the citizen is NOT SATISFIED
    [2] rated Neutral
    [3] rated Satisfied
   *[4] rated Very satisfied
}{ $extra ->
    [yes] ; the citizen reports being HINTED TO PAY EXTRA
   *[other] {""}
}.{ $hasComment ->
    [yes] {" "}Comment: "{ $comment }"
   *[other] {""}
}
    Please look into it and answer the citizen.

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
    Ratings: { $rated } (rating rate { $ratingRatePct })
      • very satisfied: { $veryHappy }
      • satisfied: { $happy }
      • neutral: { $neutral }
      • not satisfied: { $unhappy }
    Satisfied (very satisfied + satisfied): { $satisfiedPct }
    Reports of being hinted to pay extra: { $extra }
