//! The relevance gate on sentences written for these tests: for every reason, reports it turns away and traps
//! (reports that look like it and are events). The phrases under test are data (`relevance.tsv`).
//!
//! Writes: no layer (tests). Reads: the embedded rules and gazetteer.

use crate::testing::ledger;

/// `true`: the text must hold an event; `false`: it must hold none.
type Case = (&'static str, bool);

fn check(reason: &str, cases: &[Case]) {
    assert!(cases.len() >= 4, "{reason}: at least four reports");
    assert!(
        cases.iter().any(|c| c.1) && cases.iter().any(|c| !c.1),
        "{reason}: reports turned away and traps"
    );
    for (text, event) in cases {
        let l = ledger(text, "2024-03-10");
        let subs: Vec<&str> = l.events.iter().map(|e| e.sub_event_type.as_str()).collect();
        assert_eq!(
            !l.events.is_empty(),
            *event,
            "{reason}: {text:?} should {}hold an event, got {subs:?}",
            if *event { "" } else { "not " }
        );
    }
}

#[test]
fn metaphors_are_not_violence() {
    check(
        "metaphor",
        &[
            ("Firefighters launched an initial attack on the flames from the air, the fire service said.", false),
            ("Crews spent the night fighting the wildfire above the town.", false),
            ("The trade war between the two economies hit shares in Asia.", false),
            ("Workers at the port went on strike on Monday over pay.", false),
            ("Militants attacked an army post near the border overnight, killing two soldiers.", true),
            ("Russian forces attacked the village of Robotyne with artillery on Tuesday.", true),
        ],
    );
}

#[test]
fn sport_is_not_violence_but_a_bomb_at_a_race_is() {
    check(
        "sport",
        &[
            ("The striker hit the post twice and the visitors took control of the match.", false),
            ("The champions crushed their rivals in the league, who were destroyed in the second half.", false),
            ("Two bombs exploded near the finish line of the marathon, killing three people.", true),
            ("Gunmen opened fire on the team bus of the national football squad near the stadium in Lahore.", true),
        ],
    );
}

#[test]
fn disasters_epidemics_and_accidents_are_not_violence() {
    check(
        "disaster",
        &[
            ("A cholera epidemic sweeping the country has killed at least 80 people, health officials said.", false),
            ("The cyclone hit the coast on Monday and destroyed thousands of homes.", false),
            ("Six people were killed when a chemical plant exploded on Thursday morning.", false),
            ("A bus crash killed 12 passengers on the mountain road.", false),
            ("Rebels attacked an Ebola treatment centre in the town of Butembo, killing a nurse.", true),
            ("Russian missiles hit an industrial area of Dnipro after the floods, killing four workers.", true),
        ],
    );
}

#[test]
fn ordinary_crime_is_not_political_violence() {
    check(
        "crime",
        &[
            ("A hand grenade exploded during an attempted robbery at a grocery store, police said.", false),
            ("The man stabbed his wife and fled, police said.", false),
            ("A mob lynched two men accused of theft in the village.", true),
            ("Militants kidnapped two aid workers during a robbery of the convoy, the army said.", true),
        ],
    );
}

#[test]
fn tallies_are_not_one_event() {
    check(
        "tally",
        &[
            ("The ministry said its forces had killed up to 3,000 Ukrainian servicemen in the area since the summer.", false),
            ("Air strikes have killed more than 500 civilians so far this year, the monitor said.", false),
            ("Shelling over the past months has destroyed most of the town's homes.", false),
            ("Eleven explosive devices have been found near the city since September, and four children died in an explosion in Tete.", true),
            ("Russian shelling killed four civilians in Kherson on Tuesday, the governor said.", true),
        ],
    );
}

#[test]
fn history_is_not_news() {
    check(
        "history",
        &[
            (
                "The village was shelled heavily during the Second World War, its museum recalls.",
                false,
            ),
            ("The town was captured by rebels 30 years ago.", false),
            (
                "Veterans marked the anniversary of the battle of Stalingrad in Volgograd.",
                false,
            ),
            (
                "Fighting broke out in 1999 between the two armies near Kargil.",
                false,
            ),
            (
                "Troops shelled the town on the anniversary of its liberation, the mayor said.",
                true,
            ),
            (
                "Fighting broke out on Saturday between the two armies near Kargil.",
                true,
            ),
        ],
    );
}

#[test]
fn negated_happenings_are_not_events() {
    check(
        "negation",
        &[
            ("No attacks were reported in the city overnight, the governor said.", false),
            ("There was no fighting near Kupiansk on Sunday, the army said.", false),
            ("No one was killed in the village, the police said.", false),
            ("Russian troops attacked the village overnight; no one was killed, the governor said.", true),
        ],
    );
}

#[test]
fn deaths_and_blasts_need_violence_or_a_war() {
    check(
        "unexplained",
        &[
            ("He died at his home in Texas after a long illness.", false),
            (
                "In a local pond, more than 1,000 toads have swollen and then exploded.",
                false,
            ),
            (
                "Four people died and nine were wounded in Kramatorsk overnight, officials said.",
                true,
            ),
            (
                "Shells hit the market. Two people died and nine were wounded.",
                true,
            ),
        ],
    );
}

#[test]
fn campaigns_told_as_a_whole_are_not_events() {
    check(
        "campaign",
        &[
            (
                "The much-awaited counter-offensive started on a number of fronts last month.",
                false,
            ),
            (
                "Officials said a new push has begun in the Ukrainian counter-offensive.",
                false,
            ),
            ("Putin said the counteroffensive has failed.", false),
            (
                "The offensive near Bakhmut intensified on Monday, the army said.",
                true,
            ),
        ],
    );
}

#[test]
fn plans_and_threats_are_not_events() {
    check(
        "hypothetical",
        &[
            (
                "The commander said his troops would retake the town of Kreminna.",
                false,
            ),
            (
                "Russia threatened to strike government buildings in Kyiv.",
                false,
            ),
            (
                "Russia struck government buildings in Kyiv with missiles on Monday.",
                true,
            ),
            (
                "Ukrainian troops retook the village of Klishchiivka, the army said.",
                true,
            ),
        ],
    );
}

#[test]
fn food_shelled_and_streets_shut_by_authorities_are_not_events() {
    check(
        "metaphor",
        &[
            ("The grocer is recalling shelled pistachios sold in ten-ounce bags.", false),
            ("Authorities shut down a street in the city centre while they examined the package.", false),
            ("Rebels shelled the town overnight, killing two civilians.", true),
            ("Protesters shut down the main highway into the capital on Monday.", true),
        ],
    );
}

#[test]
fn a_happening_given_as_the_grounds_of_another_act_is_not_coded_again() {
    check(
        "grounds",
        &[
            ("Russia has expelled diplomats from three countries for taking part in unauthorised protests in Moscow.", false),
            ("The court sentenced two men over the bombing of a bus station in the city.", false),
            ("Police dispersed thousands of protesters taking part in a rally in the capital on Sunday.", true),
            ("Militants bombed a bus station in the city on Monday, killing four people.", true),
        ],
    );
}

#[test]
fn police_alone_do_not_make_a_robbery_an_armed_act() {
    check(
        "crime",
        &[
            ("Police in Chicago said a man was shot dead during a robbery at a petrol station on Monday.", false),
            ("Police in Lyon said two people were injured when a gas cylinder exploded in a flat.", false),
            ("Police fired tear gas at protesters outside parliament in Nairobi on Tuesday.", true),
            ("Militants shot dead two police officers at a checkpoint in Peshawar on Monday.", true),
        ],
    );
}
