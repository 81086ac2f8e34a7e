package org.foodnet.api.driver;

import java.util.Locale;
import java.util.Map;

/** Route sheet labels: Japanese when the client asks for it (Accept-Language: ja), English otherwise. */
final class Labels {

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("title", new String[] {"Route sheet", "配送表"}),
            Map.entry("driver", new String[] {"Driver", "ボランティアドライバー"}),
            Map.entry("vehicle", new String[] {"Vehicle", "車両"}),
            Map.entry("period", new String[] {"Period", "期間"}),
            Map.entry("trip", new String[] {"Trip", "便"}),
            Map.entry("leave", new String[] {"Leave home", "出発"}),
            Map.entry("back", new String[] {"Back home", "帰着"}),
            Map.entry("stop", new String[] {"Stop", "立ち寄り先"}),
            Map.entry("address", new String[] {"Address", "住所"}),
            Map.entry("contact", new String[] {"Contact", "連絡先"}),
            Map.entry("arrive", new String[] {"Arrive", "到着"}),
            Map.entry("depart", new String[] {"Leave", "出発"}),
            Map.entry("open", new String[] {"Open", "受付時間"}),
            Map.entry("load", new String[] {"Load", "積込み"}),
            Map.entry("unload", new String[] {"Unload", "荷下ろし"}),
            Map.entry("stayOnBoard", new String[] {"Stays on board", "積んだまま"}),
            Map.entry("passOnly", new String[] {"Stop here; nothing to load or unload", "立ち寄りのみ（積込み・荷下ろしなし）"}),
            Map.entry("map", new String[] {"Map", "地図"}),
            Map.entry("navigate", new String[] {"Directions for the whole trip (stops in order)", "全行程のルート案内（停車順）"}),
            Map.entry("totals", new String[] {"Totals", "合計"}),
            Map.entry("trips", new String[] {"Trips", "便数"}),
            Map.entry("stops", new String[] {"Stops", "立ち寄り数"}),
            Map.entry("loaded", new String[] {"Loaded", "積込み量"}),
            Map.entry("minutes", new String[] {"Minutes", "所要時間(分)"}),
            Map.entry("for", new String[] {"for", "宛先"}),
            Map.entry("done", new String[] {"Done", "完了"}),
            Map.entry("none", new String[] {"No trips in this period.", "この期間の配送はありません。"}),
            Map.entry("AMBIENT", new String[] {"Ambient", "常温"}),
            Map.entry("CHILLED", new String[] {"Chilled", "冷蔵"}),
            Map.entry("FROZEN", new String[] {"Frozen", "冷凍"}));

    private final int index;

    private Labels(int index) {
        this.index = index;
    }

    static Labels of(Locale locale) {
        return new Labels(locale != null && "ja".equals(locale.getLanguage()) ? 1 : 0);
    }

    boolean japanese() {
        return index == 1;
    }

    String get(String key) {
        String[] t = TEXT.get(key);
        return t == null ? key : t[index];
    }
}
