"""Big5 (cp950) or GB18030: measured on designer-style prompts that are not the ones the
other tests use, from whole prompts down to two-character fragments.

Short fragments can be truly ambiguous: the bytes of 溫馨 in Big5 are the bytes of 放纳 in
GB18030, and each reading is two real characters; a unigram frequency model (what the
decoder has) cannot always tell. What it must do: get every prompt and every fragment of five
characters or more right, and nearly every shorter one. Measured when written: 2 characters
97.6% (cp950) and 98.5% (gb18030); 3 characters 99.4% and 100%; 4 characters 99.6% and 100%.
"""

from __future__ import annotations

import pytest

from desktop.core.prompts.decoding import decode_bytes

TRADITIONAL_PROMPTS = [
    "一位穿著白色洋裝的女孩站在櫻花樹下，柔和的午後陽光，電影感構圖",
    "賽博龐克風格的台北街頭，夜晚下著雨，霓虹招牌倒映在濕漉漉的柏油路上",
    "水墨畫風格的山水，遠處有一座小橋，河邊停著一艘木船",
    "可愛的柴犬戴著紅色圍巾，坐在咖啡廳的窗邊，溫暖的燈光",
    "產品攝影：一瓶透明玻璃香水放在大理石桌面上，背景是淡粉色",
    "未來城市的空拍圖，高樓大廈之間有飛行汽車，黃昏時分",
    "古代宮廷裡的皇后，華麗的刺繡長袍，細緻的髮飾，寫實風格",
    "秋天的森林小徑，落葉滿地，一隻狐狸回頭看著鏡頭",
    "海邊的燈塔，暴風雨來臨前的天空，戲劇性的光線",
    "極簡主義的室內設計，木質地板，大面落地窗，綠色植物",
    "日式拉麵特寫，熱氣騰騰，筷子夾起麵條，美食攝影",
    "兒童繪本插畫，小熊和兔子在草地上野餐，溫馨可愛",
    "太空站內部，宇航員漂浮著，地球在窗外，科幻電影場景",
    "復古海報設計，一九六零年代風格，鮮豔的配色，手寫字體",
    "雪山上的寺廟，清晨的雲海，金色的陽光灑在屋頂上",
    "夜市裡熱鬧的攤販，珍珠奶茶，雞排，人潮擁擠",
    "一個老人在公園裡下棋，陽光透過樹葉灑下斑駁的光影",
    "蒸氣龐克機械鳥，黃銅齒輪，精密的細節，白色背景",
    "梵谷風格的星空下，一座安靜的小鎮，旋轉的筆觸",
    "高畫質，八K，超寫實，景深，柔焦，逆光人像",
    "貓咪睡在書堆上，窗外正在下雪，溫暖的室內",
    "廣告橫幅：夏季特賣，清涼飲料，藍色海洋背景，文字留白",
    "動漫風格的少年劍士，披著斗篷，站在懸崖邊，風吹動頭髮",
    "中式庭院，月亮門，竹林，石燈籠，細雨濛濛",
]
# The same prompts in Simplified characters (as written in mainland China).
SIMPLIFIED_PROMPTS = [
    "一位穿着白色洋装的女孩站在樱花树下，柔和的午后阳光，电影感构图",
    "赛博庞克风格的台北街头，夜晚下着雨，霓虹招牌倒映在湿漉漉的柏油路上",
    "水墨画风格的山水，远处有一座小桥，河边停着一艘木船",
    "可爱的柴犬戴着红色围巾，坐在咖啡厅的窗边，温暖的灯光",
    "产品摄影：一瓶透明玻璃香水放在大理石桌面上，背景是淡粉色",
    "未来城市的空拍图，高楼大厦之间有飞行汽车，黄昏时分",
    "古代宫廷里的皇后，华丽的刺绣长袍，细致的发饰，写实风格",
    "秋天的森林小径，落叶满地，一只狐狸回头看着镜头",
    "海边的灯塔，暴风雨来临前的天空，戏剧性的光线",
    "极简主义的室内设计，木质地板，大面落地窗，绿色植物",
    "日式拉面特写，热气腾腾，筷子夹起面条，美食摄影",
    "儿童绘本插画，小熊和兔子在草地上野餐，温馨可爱",
    "太空站内部，宇航员漂浮着，地球在窗外，科幻电影场景",
    "复古海报设计，一九六零年代风格，鲜艳的配色，手写字体",
    "雪山上的寺庙，清晨的云海，金色的阳光洒在屋顶上",
    "夜市里热闹的摊贩，珍珠奶茶，鸡排，人潮拥挤",
    "一个老人在公园里下棋，阳光透过树叶洒下斑驳的光影",
    "蒸气庞克机械鸟，黄铜齿轮，精密的细节，白色背景",
    "梵谷风格的星空下，一座安静的小镇，旋转的笔触",
    "高画质，八K，超写实，景深，柔焦，逆光人像",
    "猫咪睡在书堆上，窗外正在下雪，温暖的室内",
    "广告横幅：夏季特卖，清凉饮料，蓝色海洋背景，文字留白",
    "动漫风格的少年剑士，披着斗篷，站在悬崖边，风吹动头发",
    "中式庭院，月亮门，竹林，石灯笼，细雨蒙蒙",
]
SAMPLES = [("cp950", TRADITIONAL_PROMPTS), ("gb18030", SIMPLIFIED_PROMPTS)]


def _fragments(prompts: list[str], length: int) -> list[str]:
    """Every run of `length` characters inside a phrase (phrases split at ， and ：)."""
    found: set[str] = set()
    for prompt in prompts:
        for phrase in prompt.replace("：", "，").split("，"):
            found.update(phrase[i : i + length] for i in range(len(phrase) - length + 1))
    return sorted(found)


def _read_right(text: str, encoding: str) -> bool:
    csv = f"prompt\n{text}\n"
    return decode_bytes(csv.encode(encoding)).text == csv


@pytest.mark.parametrize(("encoding", "prompts"), SAMPLES)
def test_every_prompt_alone_in_a_file_is_read_in_its_encoding(
    encoding: str, prompts: list[str]
) -> None:
    assert [p for p in prompts if not _read_right(p, encoding)] == []
    assert _read_right("\n".join(prompts), encoding)


@pytest.mark.parametrize(("encoding", "prompts"), SAMPLES)
@pytest.mark.parametrize("length", [5, 6, 8])
def test_every_fragment_of_five_characters_or_more_is_read_right(
    encoding: str, prompts: list[str], length: int
) -> None:
    fragments = _fragments(prompts, length)
    assert len(fragments) > 50
    assert [f for f in fragments if not _read_right(f, encoding)] == []


@pytest.mark.parametrize(("encoding", "prompts"), SAMPLES)
@pytest.mark.parametrize(("length", "at_least"), [(2, 0.95), (3, 0.98), (4, 0.99)])
def test_nearly_every_short_fragment_is_read_right(
    encoding: str, prompts: list[str], length: int, at_least: float
) -> None:
    fragments = _fragments(prompts, length)
    right = sum(_read_right(f, encoding) for f in fragments)
    assert right / len(fragments) >= at_least, f"{right} of {len(fragments)}"
