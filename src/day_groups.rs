//! Day headings: events grouped by the viewer's local day.

use chrono::NaiveDate;

/// What a day heading says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayLabel {
    /// "Today".
    Today,
    /// "Yesterday".
    Yesterday,
    /// Any other day: the full localized date.
    On(NaiveDate),
}

impl DayLabel {
    /// The label of `day`, seen on `today` (both in the viewer's time zone).
    pub fn of(day: NaiveDate, today: NaiveDate) -> Self {
        if day == today {
            Self::Today
        } else if today.pred_opt() == Some(day) {
            Self::Yesterday
        } else {
            Self::On(day)
        }
    }
}

/// Splits items (already in order) into runs of the same day.
///
/// ```
/// use chat_activity::day_groups::group_by_day;
/// use chrono::NaiveDate;
/// let day = |d| NaiveDate::from_ymd_opt(2026, 4, d).unwrap();
/// let groups = group_by_day(vec![(day(4), "a"), (day(4), "b"), (day(3), "c")], |item| item.0);
/// assert_eq!(groups.len(), 2);
/// ```
pub fn group_by_day<T>(
    items: Vec<T>,
    day_of: impl Fn(&T) -> NaiveDate,
) -> Vec<(NaiveDate, Vec<T>)> {
    let mut groups: Vec<(NaiveDate, Vec<T>)> = Vec::new();
    for item in items {
        let day = day_of(&item);
        match groups.last_mut() {
            Some((current, members)) if *current == day => members.push(item),
            _ => groups.push((day, vec![item])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).expect("valid date")
    }

    #[test]
    fn today_yesterday_and_dates() {
        let today = day(3, 1);
        assert_eq!(DayLabel::of(day(3, 1), today), DayLabel::Today);
        assert_eq!(DayLabel::of(day(2, 28), today), DayLabel::Yesterday);
        assert_eq!(DayLabel::of(day(2, 27), today), DayLabel::On(day(2, 27)));
        assert_eq!(
            DayLabel::of(day(3, 2), today),
            DayLabel::On(day(3, 2)),
            "tomorrow is a date"
        );
    }

    #[test]
    fn groups_keep_order_and_split_on_each_change_of_day() {
        let items = vec![
            (day(4, 4), 1),
            (day(4, 4), 2),
            (day(4, 3), 3),
            (day(4, 1), 4),
            (day(4, 1), 5),
        ];
        let groups = group_by_day(items, |item| item.0);
        let shape: Vec<(NaiveDate, Vec<i32>)> = groups
            .into_iter()
            .map(|(d, items)| (d, items.into_iter().map(|i| i.1).collect()))
            .collect();
        assert_eq!(
            shape,
            vec![
                (day(4, 4), vec![1, 2]),
                (day(4, 3), vec![3]),
                (day(4, 1), vec![4, 5])
            ]
        );
        assert!(group_by_day(Vec::<(NaiveDate, i32)>::new(), |item| item.0).is_empty());
    }
}
